package dk.hotline.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark, not a test: a referral created in core ({@code POST /api/contacts/{id}/referral}, the advisor's click)
 * until it is in the recipient's inbox in routing (its inbox row committed, what {@code GET /api/inbox/referrals}
 * reads), through core's outbox relay, Kafka and routing's consumer: the whole path, both services packaged and
 * run as in production, real tokens from Keycloak. In the same run, at the same rates, the raw Kafka
 * produce → consume round trip of a payload of the same size on the same broker: the floor.
 * <p>
 * Needs PostgreSQL, Kafka and Keycloak (the `up` stack or the test stack) and the packaged services; see
 * docs/BENCHMARKS.md for the command. Prints a Markdown table.
 */
public final class ReferralPathBenchmark {

    private static final Path REPO = Repo.ROOT;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOG = """
            {"callerRole":"RELATIVE","concernCategory":"MILITANT_ISLAMISM","ageBand":"AGE_25_PLUS","municipalityCode":"461",
             "adviceThemes":["SIGNS_OF_RADICALISATION"],"summary":"Benchmark log.","outcome":"REFERRAL"}""";
    private static final String REFERRAL = """
            {"severity":"MEDIUM","legalBasis":"ANONYMOUS","description":"Benchmark referral, about as long as a real description of a concern: a young adult has withdrawn from family and friends and shares extremist material online."}""";

    // HTTP/1.1: one connection per request in flight, as many advisors' browsers would have (the JDK would
    // otherwise upgrade to h2c and put the whole load on one connection, one event loop of core).
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String token;
    private final ServiceProcess core;
    private final String routingJdbc;

    private ReferralPathBenchmark(String token, ServiceProcess core, String routingJdbc) {
        this.token = token;
        this.core = core;
        this.routingJdbc = routingJdbc;
    }

    public static void main(String[] args) throws Exception {
        int[] rates = Arrays.stream(ServiceEnvironment.get("HOTLINE_BENCH_RATES", "10,100,1000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.parseInt(ServiceEnvironment.get("HOTLINE_BENCH_SECONDS", "10"));
        String coreDb = "hotline_core_pathbench";
        String routingDb = "hotline_routing_pathbench";
        freshDatabases(coreDb, routingDb);
        Map<String, Map<String, String>> env = ServiceEnvironment.of(REPO, coreDb, routingDb);
        // One load generator is one address: the per-client limit is for browsers, not for this.
        env.get("hotline-core").put("HOTLINE_RATE_LIMIT_BURST", "1000000");
        env.get("hotline-core").put("HOTLINE_RATE_LIMIT_PER_SECOND", "1000000");
        env.get("hotline-core").put("QUARKUS_LOG_CONSOLE_LEVEL", "WARN");
        env.get("routing").put("QUARKUS_LOG_CONSOLE_LEVEL", "WARN");
        Path logs = Path.of("target", "bench");
        try (ServiceProcess core = ServiceProcess.start(REPO, "hotline-core", env.get("hotline-core"), logs);
             ServiceProcess routing = ServiceProcess.start(REPO, "routing", env.get("routing"), logs)) {
            core.awaitReady();
            routing.awaitReady();
            String token = new Realm(ServiceEnvironment.keycloakUrl()).user("advisor-aarhus");
            ReferralPathBenchmark bench = new ReferralPathBenchmark(token, core,
                    "jdbc:postgresql://127.0.0.1:" + ServiceEnvironment.pgPort() + "/" + routingDb);
            int warmup = Integer.parseInt(ServiceEnvironment.get("HOTLINE_BENCH_WARMUP", "300"));
            System.out.println("warm-up: " + warmup + " referrals at 50/s");
            bench.run(50, warmup);
            List<String> rows = new ArrayList<>();
            for (int rate : rates) {
                int count = rate * seconds;
                String loadBefore = loadAverage();
                Result path = bench.run(rate, count);
                String loadBetween = loadAverage();
                Result floor = rawKafkaRoundTrip(rate, count, REFERRAL.length());
                String loadAfter = loadAverage();
                double ratio = ms(path.nanos(), 0.99) / ms(floor.nanos(), 0.99);
                rows.add(row(rate + "/s", "core → Kafka → routing → inbox", count, path)
                        + String.format(Locale.ROOT, " %.1f | %s → %s |", ratio, loadBefore, loadBetween));
                rows.add(row(rate + "/s", "raw Kafka round trip", count, floor)
                        + String.format(Locale.ROOT, " 1.0 | %s → %s |", loadBetween, loadAfter));
                System.out.println(rows.get(rows.size() - 2));
                System.out.println(rows.get(rows.size() - 1));
            }
            System.out.println();
            System.out.println("| load | path | referrals | refused | p50 ms | p99 ms | max ms | throughput /s | HTTP p50 ms"
                    + " | HTTP p99 ms | p99 / raw Kafka p99 | load average before → after |");
            System.out.println("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            rows.forEach(System.out::println);
        }
    }

    /** Latencies of the accepted referrals; {@code refused} answered other than 201 (or not at all) and are not counted. */
    private record Result(long[] nanos, long[] httpNanos, double throughput, String refused) {
    }

    /** Prepares {@code count} finalised logs, then sends their referrals open-loop at {@code rate}. */
    private Result run(int rate, int count) throws Exception {
        List<String> contacts = prepareFinalisedLogs(count);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        Map<String, Long> answeredIn = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
        Map<String, Boolean> accepted = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        Thread poller = new Thread(() -> pollInbox(sentAt, seenAt, answered, count), "inbox-poller");
        poller.start();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String contact = contacts.get(i);
            // Timed from when the request was due, not from when it left: a late generator shows in the figures.
            long t0 = due;
            sentAt.put(contact, t0);
            inFlight.add(http.sendAsync(post("/api/contacts/" + contact + "/referral", REFERRAL), HttpResponse.BodyHandlers.discarding())
                    .handle((r, e) -> {
                        String outcome = e != null ? e.getClass().getSimpleName() : Integer.toString(r.statusCode());
                        if ("201".equals(outcome)) {
                            answeredIn.put(contact, System.nanoTime() - t0);
                            accepted.put(contact, true);
                        } else {
                            refused.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                            sentAt.remove(contact);
                        }
                        answered.incrementAndGet();
                        return null;
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        poller.join(TimeUnit.MINUTES.toMillis(5));
        // A refused referral may be seen by the poller before its answer came back: count only accepted ones.
        long lost = accepted.keySet().stream().filter(c -> !seenAt.containsKey(c)).count();
        if (lost > 0) {
            throw new IllegalStateException(lost + " accepted referrals never reached the inbox");
        }
        long[] latencies = accepted.keySet().stream().mapToLong(c -> seenAt.get(c) - sentAt.get(c)).sorted().toArray();
        long[] answers = answeredIn.values().stream().mapToLong(Long::longValue).sorted().toArray();
        long last = accepted.keySet().stream().mapToLong(seenAt::get).max().orElseThrow();
        return new Result(latencies, answers, accepted.size() / ((last - start) / 1e9), refused.isEmpty() ? "0" : refused.toString());
    }

    private List<String> prepareFinalisedLogs(int count) throws Exception {
        List<String> ids = new ArrayList<>(count);
        Semaphore window = new Semaphore(16);
        List<CompletableFuture<String>> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            window.acquire();
            CompletableFuture<String> one = http.sendAsync(post("/api/contacts", "{\"channel\":\"PHONE_OUTSIDE_SYSTEM\"}"), HttpResponse.BodyHandlers.ofString())
                    .thenApply(r -> idOf(body(r, 201)))
                    .thenCompose(id -> http.sendAsync(request("PATCH", "/api/contacts/" + id, LOG), HttpResponse.BodyHandlers.ofString())
                            .thenApply(r -> body(r, 200)).thenApply(ignored -> id))
                    .thenCompose(id -> http.sendAsync(post("/api/contacts/" + id + "/finalise", "{}"), HttpResponse.BodyHandlers.ofString())
                            .thenApply(r -> body(r, 200)).thenApply(ignored -> id))
                    .whenComplete((id, e) -> window.release());
            all.add(one);
        }
        for (CompletableFuture<String> one : all) {
            ids.add(one.join());
        }
        return ids;
    }

    /** Finds, every 2 ms, which of the sent contacts' referrals have an inbox row in routing. */
    private void pollInbox(Map<String, Long> sentAt, Map<String, Long> seenAt, AtomicInteger answered, int count) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        try (Connection c = DriverManager.getConnection(routingJdbc, "hotline", "hotline");
             PreparedStatement s = c.prepareStatement(
                     "select r.contact_id from referral r join inbox_entry i on i.referral_id = r.referral_id where r.contact_id = any(?)")) {
            while (!allSeen(sentAt, seenAt, answered, count) && System.nanoTime() < deadline) {
                List<String> pending = sentAt.keySet().stream().filter(id -> !seenAt.containsKey(id)).toList();
                if (!pending.isEmpty()) {
                    Array array = c.createArrayOf("varchar", pending.toArray());
                    s.setArray(1, array);
                    try (ResultSet rs = s.executeQuery()) {
                        long now = System.nanoTime();
                        while (rs.next()) {
                            seenAt.putIfAbsent(rs.getString(1), now);
                        }
                    }
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every referral has been sent and answered or refused, and every one still counted is in the inbox. */
    private static boolean allSeen(Map<String, Long> sentAt, Map<String, Long> seenAt, AtomicInteger answered, int count) {
        return answered.get() >= count && sentAt.keySet().stream().allMatch(seenAt::containsKey);
    }

    /** The floor: the same number of records of the same size, produced at the same rate and consumed back. */
    private static Result rawKafkaRoundTrip(int rate, int count, int size) {
        String topic = "bench.raw." + UUID.randomUUID();
        String payload = "x".repeat(size);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ServiceEnvironment.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, topic, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ServiceEnvironment.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig);
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            // Topic created and partitions assigned before the clock starts.
            producer.send(new ProducerRecord<>(topic, "ready", payload)).get();
            consumer.subscribe(List.of(topic));
            while (seenAt.isEmpty()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    seenAt.put(r.key(), System.nanoTime());
                }
            }
            seenAt.clear();
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime();
            int sent = 0;
            long deadline = start + TimeUnit.MINUTES.toNanos(5);
            while (seenAt.size() < count && System.nanoTime() < deadline) {
                while (sent < count && System.nanoTime() >= start + sent * interval) {
                    String key = Integer.toString(sent++);
                    sentAt.put(key, System.nanoTime());
                    producer.send(new ProducerRecord<>(topic, key, payload));
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(1))) {
                    seenAt.putIfAbsent(r.key(), System.nanoTime());
                }
            }
            long[] latencies = sentAt.keySet().stream().mapToLong(k -> seenAt.get(k) - sentAt.get(k)).sorted().toArray();
            long last = seenAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            return new Result(latencies, new long[0], count / ((last - start) / 1e9), "");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest post(String path, String body) {
        return request("POST", path, body);
    }

    private HttpRequest request(String method, String path, String body) {
        return HttpRequest.newBuilder(core.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String body(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String idOf(String json) {
        try {
            return JSON.readTree(json).get("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void freshDatabases(String... names) throws Exception {
        String admin = "jdbc:postgresql://127.0.0.1:" + ServiceEnvironment.pgPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
            for (String name : names) {
                s.execute("drop database if exists " + name + " with (force)");
                s.execute("create database " + name + " owner hotline");
            }
        }
    }

    private static String row(String load, String path, int count, Result r) {
        return String.format(Locale.ROOT, "| %s | %s | %d | %s | %.1f | %.1f | %.1f | %.0f | %s | %s |", load, path, count, r.refused(),
                ms(r.nanos(), 0.50), ms(r.nanos(), 0.99), r.nanos()[r.nanos().length - 1] / 1e6, r.throughput(),
                r.httpNanos().length == 0 ? "" : String.format(Locale.ROOT, "%.1f", ms(r.httpNanos(), 0.50)),
                r.httpNanos().length == 0 ? "" : String.format(Locale.ROOT, "%.1f", ms(r.httpNanos(), 0.99)));
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
