package dk.hotline.routing;

import dk.hotline.routing.support.ReferralEvents;
import dk.hotline.routing.support.RoutingTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark, not a test (not picked up by surefire's default includes). Run:
 * {@code mvn -B -o -pl routing test -Dtest=RoutingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * <p>
 * Measures, on the running service (Quarkus test profile, real Kafka and PostgreSQL):
 * <ul>
 *   <li>referral event produced on Kafka → visible in the recipient's inbox (its inbox row committed, which is what
 *       {@code GET /api/inbox/referrals} reads; found by a JDBC poller every 2 ms), p50/p99 at 10, 100 and 1,000/s;</li>
 *   <li>in the same run, the raw Kafka produce → consume round trip of the same payload on the same broker (the floor);</li>
 *   <li>saturation throughput of both (as fast as the producer goes).</li>
 * </ul>
 * Prints a Markdown table.
 */
@QuarkusTest
@QuarkusTestResource(RoutingTestResources.class)
class RoutingBenchmark {

    private static final int[] RATES = Arrays.stream(System.getProperty("benchmark.rates", "10,100,1000").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 10);
    private static final int SATURATION = Integer.getInteger("benchmark.saturation", 3000);

    private final String bootstrap = RoutingTestResources.bootstrap();
    private final String topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.referrals.topic", String.class);
    private final StringBuilder report = new StringBuilder();

    @Test
    void referralToInboxAgainstRawKafkaRoundTrip() throws Exception {
        report.append("\n| load | path | sent | p50 ms | p99 ms | max ms | throughput /s |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        try (KafkaProducer<String, String> producer = producer()) {
            run("warm-up", 50, 5, producer, true);
            for (int rate : RATES) {
                run(rate + "/s", rate, SECONDS, producer, false);
            }
            run("saturation", 0, SATURATION, producer, false);
        }
        System.out.println("\n=== RoutingBenchmark " + Instant.now() + " ===" + report);
    }

    /** rate 0 = as fast as possible; {@code amount} is seconds at a rate, or a count at saturation. */
    private void run(String label, int rate, int amount, KafkaProducer<String, String> producer, boolean warmUp) throws Exception {
        int count = rate == 0 ? amount : rate * amount;
        Result e2e = endToEnd(producer, rate, count);
        Result raw = rawRoundTrip(producer, rate, count);
        if (!warmUp) {
            report.append(e2e.row(label, "Kafka → routing → inbox")).append(raw.row(label, "raw Kafka round trip"));
        }
    }

    private record Result(long[] latenciesNanos, long firstSend, long lastSeen) {
        String row(String label, String path) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            double seconds = (lastSeen - firstSend) / 1e9;
            return String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.0f |%n", label, path, sorted.length,
                    ms(percentile(sorted, 50)), ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]),
                    sorted.length / seconds);
        }
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private Result endToEnd(KafkaProducer<String, String> producer, int rate, int count) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        List<String> ids = new ArrayList<>();
        Thread poller = new Thread(() -> pollInbox(sentAt, seenAt, count), "inbox-poller");
        poller.start();
        long first = System.nanoTime();
        for (int i = 0; i < count; i++) {
            pace(first, rate, i);
            ReferralEvents.Referral r = ReferralEvents.referral("461", "AGE_25_PLUS");
            ids.add(r.id());
            sentAt.put(r.id(), System.nanoTime());
            producer.send(new ProducerRecord<>(topic, null, r.id(), r.json(), headers(r.eventId(), r.id())));
        }
        producer.flush();
        poller.join(TimeUnit.MINUTES.toMillis(5));
        long[] latencies = ids.stream().mapToLong(id -> seenAt.getOrDefault(id, Long.MAX_VALUE) - sentAt.get(id)).toArray();
        if (Arrays.stream(latencies).anyMatch(l -> l < 0 || l > TimeUnit.MINUTES.toNanos(5))) {
            throw new IllegalStateException("not every referral reached the inbox");
        }
        return new Result(latencies, first, seenAt.values().stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    private void pollInbox(Map<String, Long> sentAt, Map<String, Long> seenAt, int count) {
        String url = "jdbc:postgresql://127.0.0.1:" + System.getenv().getOrDefault("HOTLINE_PG_PORT", "55432") + "/"
                + ConfigProvider.getConfig().getValue("routing.db.name", String.class);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        try (Connection c = DriverManager.getConnection(url, "hotline", System.getenv().getOrDefault("HOTLINE_PG_PASSWORD", "hotline"));
             PreparedStatement s = c.prepareStatement("select referral_id from inbox_entry where referral_id = any(?)")) {
            while (seenAt.size() < count && System.nanoTime() < deadline) {
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

    private Result rawRoundTrip(KafkaProducer<String, String> producer, int rate, int count) throws Exception {
        String rawTopic = "hotline.routing-bench-raw-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "routing-bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            producer.send(new ProducerRecord<>(rawTopic, "create", "{}")).get();
            consumer.subscribe(List.of(rawTopic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            Thread sender = new Thread(() -> {
                long first = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    pace(first, rate, i);
                    ReferralEvents.Referral r = ReferralEvents.referral("461", "AGE_25_PLUS");
                    synchronized (ids) {
                        ids.add(r.id());
                    }
                    sentAt.put(r.id(), System.nanoTime());
                    producer.send(new ProducerRecord<>(rawTopic, null, r.id(), r.json(), headers(r.eventId(), r.id())));
                }
                producer.flush();
            }, "raw-sender");
            long first = System.nanoTime();
            sender.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (seenAt.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                    if (r.key() != null && !"create".equals(r.key())) {
                        seenAt.putIfAbsent(r.key(), System.nanoTime());
                    }
                }
            }
            sender.join();
            long[] latencies = ids.stream().mapToLong(id -> seenAt.get(id) - sentAt.get(id)).toArray();
            return new Result(latencies, first, seenAt.values().stream().mapToLong(Long::longValue).max().orElseThrow());
        }
    }

    private static void pace(long first, int rate, int i) {
        if (rate <= 0) {
            return;
        }
        long due = first + (long) (i * 1e9 / rate);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
    }

    private static RecordHeaders headers(String eventId, String key) {
        RecordHeaders h = new RecordHeaders();
        h.add("ce_specversion", b("1.0"));
        h.add("ce_id", b(eventId));
        h.add("ce_type", b("dk.hotline.referral.created.v1"));
        h.add("ce_source", b("/hotline/core"));
        h.add("ce_time", b(Instant.now().toString()));
        h.add("ce_subject", b(key));
        h.add("content-type", b("application/json"));
        return h;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
