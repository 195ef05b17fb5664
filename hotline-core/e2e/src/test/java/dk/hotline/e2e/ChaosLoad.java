package dk.hotline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The steady load of a chaos run, not a test: {@code deploy/local/chaos} starts it against the clustered local stack
 * ({@code deploy/local/hotline up --cluster}), injects one fault after another and writes each into a marker file;
 * this process keeps sending advice logs, referrals (through HAProxy), FastAGI calls (to both adapters, the
 * second address when the first fails, as the dialplan does) and queue-presence changes of one advisor's phone
 * (pause / resume through core, which the adapter turns into AMI actions on the real Asterisk) at fixed rates, open
 * loop, until the marker file says
 * {@code end}. Then it waits for every accepted referral to reach the recipient's webhook and prints one row per
 * fault: what was refused (503 or retried) or failed (any 500 at all), calls routed, referrals accepted vs delivered
 * (by the webhook receiver in this process, deduplicated by Idempotency-Key as a recipient must), and how long the
 * service was disturbed.
 * <p>
 * A client retries as the advisor's browser and Asterisk do: a refused connection, 502, 503 or 504 is retried with
 * back-off (up to 6 times, about 8 s in all), the finalise with the same {@code Idempotency-Key}.
 */
public final class ChaosLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOG = """
            {"callerRole":"RELATIVE","concernCategory":"MILITANT_ISLAMISM","ageBand":"AGE_25_PLUS","municipalityCode":"461",
             "adviceThemes":["SIGNS_OF_RADICALISATION"],"summary":"Chaos run log.","outcome":"%s"}""";
    private static final String REFERRAL = """
            {"referral":{"severity":"MEDIUM","legalBasis":"ANONYMOUS","description":"Chaos run referral."}}""";
    private static final int MAX_ATTEMPTS = 7;

    /** Requests one operation needs when nothing is disturbed: a log flow is three, a call or a presence change one. */
    private static int undisturbedAttempts(String kind) {
        return kind.equals("log") || kind.equals("referral") ? 3 : 1;
    }

    /** One operation of the load: a log (with or without a referral), a call or a presence change. */
    private record Op(long intendedMs, String kind, boolean ok, int attempts, int serverErrors, String detail) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String coreUrl;
    private final int[] agiPorts;
    private final Realm realm;
    private volatile String advisorToken;
    private final ConcurrentLinkedQueue<Op> done = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> pushesByKey = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong presenceChanges = new AtomicLong();
    private volatile String presenceAtEnd = "not read";
    /** The state of the last presence change answered 200 (the one core kept). */
    private volatile String presenceTaken = "none";

    private ChaosLoad(String coreUrl, int[] agiPorts, Realm realm) {
        this.coreUrl = coreUrl;
        this.agiPorts = agiPorts;
        this.realm = realm;
    }

    public static void main(String[] args) throws Exception {
        Path markers = Path.of(env("HOTLINE_CHAOS_MARKERS", "target/chaos/markers.txt"));
        String coreUrl = env("HOTLINE_CHAOS_CORE_URL", "http://127.0.0.1:16001");
        String routingUrl = env("HOTLINE_CHAOS_ROUTING_URL", "http://127.0.0.1:16003");
        Realm realm = new Realm(env("HOTLINE_CHAOS_KEYCLOAK_URL", "http://127.0.0.1:16180"));
        int[] agiPorts = java.util.Arrays.stream(env("HOTLINE_CHAOS_AGI_PORTS", "16573,16574").split(","))
                .mapToInt(Integer::parseInt).toArray();
        double logsPerSecond = Double.parseDouble(env("HOTLINE_CHAOS_LOGS_PER_SECOND", "2"));
        double referralsPerSecond = Double.parseDouble(env("HOTLINE_CHAOS_REFERRALS_PER_SECOND", "2"));
        double callsPerSecond = Double.parseDouble(env("HOTLINE_CHAOS_CALLS_PER_SECOND", "5"));
        double presencePerSecond = Double.parseDouble(env("HOTLINE_CHAOS_PRESENCE_PER_SECOND", "0.5"));
        String routingJdbc = env("HOTLINE_CHAOS_ROUTING_JDBC", "jdbc:postgresql://127.0.0.1:16432/hotline_routing");

        ChaosLoad load = new ChaosLoad(coreUrl, agiPorts, realm);
        HttpServer receiver = load.startWebhookReceiver();
        String webhook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhook";
        load.configureDelivery(routingUrl, Map.of("mode", "WEBHOOK", "webhookUrl", webhook,
                "webhookSecret", "chaos-run-" + UUID.randomUUID(), "reason", "chaos run on the local cluster"));
        load.advisorToken = realm.freshUser("advisor-aarhus");

        ExecutorService workers = Executors.newFixedThreadPool(96);
        List<Thread> generators = List.of(
                load.generator("log", logsPerSecond, markers, workers, intended -> load.logFlow(intended, false)),
                load.generator("referral", referralsPerSecond, markers, workers, intended -> load.logFlow(intended, true)),
                load.generator("call", callsPerSecond, markers, workers, load::call),
                load.generator("presence", presencePerSecond, markers, workers, load::presence));
        Thread refresher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(TimeUnit.MINUTES.toNanos(4));
                try {
                    load.advisorToken = realm.freshUser("advisor-aarhus");
                } catch (RuntimeException keycloakBusy) {
                    // the old token lives 15 min: try again at the next turn
                }
            }
        }, "chaos-token");
        refresher.setDaemon(true);
        refresher.start();
        for (Thread g : generators) {
            g.join();
        }
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.MINUTES);
        refresher.interrupt();
        Map<String, Integer> inInbox = load.awaitDelivery(routingJdbc, Duration.ofMinutes(3));
        load.presenceAtEnd = load.presenceNow();
        receiver.stop(0);
        System.out.println(load.report(Files.readAllLines(markers), inInbox));
        load.configureDelivery(routingUrl, Map.of("mode", "INBOX", "reason", "chaos run over"));
        System.exit(0); // the receiver's and the HTTP client's threads would keep the JVM up
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private interface Task {
        void run(long intendedMs);
    }

    /** Open loop: operation i is due at start + i/rate, whatever the earlier ones are doing. */
    private Thread generator(String name, double rate, Path markers, ExecutorService workers, Task task) {
        Thread thread = new Thread(() -> {
            long intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
            long startNanos = System.nanoTime();
            long startMs = System.currentTimeMillis();
            for (long i = 0; ; i++) {
                long due = startNanos + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (i % Math.max(1, (long) rate) == 0 && ended(markers)) {
                    return;
                }
                long intendedMs = startMs + TimeUnit.NANOSECONDS.toMillis(i * intervalNanos);
                workers.execute(() -> task.run(intendedMs));
            }
        }, "chaos-" + name);
        thread.start();
        return thread;
    }

    private static boolean ended(Path markers) {
        try {
            return Files.exists(markers) && Files.readAllLines(markers).stream().anyMatch(l -> l.endsWith(" end"));
        } catch (IOException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ advice logs and referrals over HTTP

    private void logFlow(long intendedMs, boolean withReferral) {
        int[] attempts = {0};
        int[] serverErrors = {0};
        String kind = withReferral ? "referral" : "log";
        try {
            HttpResponse<String> created = send(request("/api/contacts").POST(body("{\"channel\":\"PHONE_OUTSIDE_SYSTEM\"}")),
                    attempts, serverErrors);
            if (created.statusCode() != 201) {
                record(intendedMs, kind, false, attempts, serverErrors, "create " + created.statusCode());
                return;
            }
            String id = JSON.readTree(created.body()).path("id").asText();
            String log = LOG.formatted(withReferral ? "REFERRAL" : "ADVICE_ONLY");
            HttpResponse<String> patched = send(request("/api/contacts/" + id)
                    .method("PATCH", body(log)), attempts, serverErrors);
            if (patched.statusCode() != 200) {
                record(intendedMs, kind, false, attempts, serverErrors, "patch " + patched.statusCode());
                return;
            }
            HttpRequest.Builder finalise = request("/api/contacts/" + id + "/finalise")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(body(withReferral ? REFERRAL : "{}"));
            HttpResponse<String> finalised = send(finalise, attempts, serverErrors);
            boolean ok = finalised.statusCode() / 100 == 2;
            if (ok && withReferral) {
                JsonNode referral = JSON.readTree(finalised.body()).path("referral");
                accepted.put(referral.path("id").asText(), intendedMs);
            }
            record(intendedMs, kind, ok, attempts, serverErrors, ok ? "" : "finalise " + finalised.statusCode());
        } catch (IOException | RuntimeException e) {
            record(intendedMs, kind, false, attempts, serverErrors, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage().lines().findFirst().orElse("")));
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(coreUrl + path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + advisorToken).header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    /** Sends with the retries of a well-behaved client; a 500 is never retried: it is a defect to count. */
    private HttpResponse<String> send(HttpRequest.Builder builder, int[] attempts, int[] serverErrors) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            attempts[0]++;
            if (attempt > 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(2000, 125L << attempt)));
            }
            try {
                HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 500) {
                    serverErrors[0]++;
                }
                if (status != 502 && status != 503 && status != 504) {
                    return response;
                }
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        throw last != null ? last : new IOException("still refused after " + MAX_ATTEMPTS + " attempts");
    }

    private void record(long intendedMs, String kind, boolean ok, int[] attempts, int[] serverErrors, String detail) {
        done.add(new Op(intendedMs, kind, ok, attempts[0], serverErrors[0], detail));
    }

    // ------------------------------------------------------------------ FastAGI calls

    /** A call as Asterisk places it: the first adapter, then on failure the second ({@code AGISTATUS=FAILURE}). */
    private void call(long intendedMs) {
        long n = calls.incrementAndGet();
        int first = (int) (n % agiPorts.length);
        String unique = "1795" + String.format(Locale.ROOT, "%06d", n % 1_000_000) + "." + n;
        for (int i = 0; i < agiPorts.length; i++) {
            if (agiSession(agiPorts[(first + i) % agiPorts.length], unique)) {
                done.add(new Op(intendedMs, "call", true, i + 1, 0, ""));
                return;
            }
        }
        done.add(new Op(intendedMs, "call", false, agiPorts.length, 0, "no adapter answered"));
    }

    /** True when the script decided the route (set at least one variable) and ended the session cleanly. */
    private static boolean agiSession(int port, String uniqueId) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder header = new StringBuilder();
            for (String[] kv : new String[][] {{"agi_network", "yes"}, {"agi_network_script", "incoming"},
                    {"agi_request", "agi://127.0.0.1:" + port + "/incoming"}, {"agi_channel", "PJSIP/telco-" + uniqueId},
                    {"agi_language", "da"}, {"agi_type", "PJSIP"}, {"agi_uniqueid", uniqueId}, {"agi_version", "20.20.1"},
                    {"agi_callerid", "+4520000001"}, {"agi_calleridname", "unknown"}, {"agi_dnid", "70102030"},
                    {"agi_context", "hotline-in"}, {"agi_extension", "70102030"}, {"agi_priority", "3"}}) {
                header.append(kv[0]).append(": ").append(kv[1]).append('\n');
            }
            out.write(header.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            boolean decided = false;
            for (String line; (line = in.readLine()) != null; ) {
                decided |= line.startsWith("SET VARIABLE");
                out.write("200 result=1\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            return decided;
        } catch (IOException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ queue presence over AMI

    /** The demo advisor's phone in the Aarhus queue (the realm's endpoint of advisor-aarhus). */
    private static final String PHONE = "advisor-aarhus-1";

    /**
     * Pause, resume, pause…: core asks the adapter, which sends QueuePause/QueueAdd to Asterisk. Succeeded when core
     * answers 200 and the adapter says Asterisk holds it ({@code applied}); while the AMI link is down the change is
     * kept (200, {@code applied: false}) and put right at the next login, which the end-of-run check shows.
     */
    private void presence(long intendedMs) {
        int[] attempts = {0};
        int[] serverErrors = {0};
        boolean pause = presenceChanges.incrementAndGet() % 2 == 1;
        String change = pause ? "{\"state\":\"PAUSED\",\"reason\":\"BREAK\"}" : "{\"state\":\"AVAILABLE\"}";
        try {
            HttpResponse<String> answer = send(request("/api/presence/" + PHONE).PUT(body(change)), attempts, serverErrors);
            if (answer.statusCode() == 200) {
                presenceTaken = pause ? "PAUSED" : "AVAILABLE";
            }
            boolean applied = answer.statusCode() == 200 && JSON.readTree(answer.body()).path("applied").asBoolean();
            record(intendedMs, "presence", applied, attempts, serverErrors,
                    applied ? "" : answer.statusCode() == 200 ? "kept, not applied yet" : "presence " + answer.statusCode());
        } catch (IOException | RuntimeException e) {
            record(intendedMs, "presence", false, attempts, serverErrors, e.getClass().getSimpleName());
        }
    }

    /**
     * The phone's presence after the run, read four times (the load balancer spreads them over both cores, and each
     * core's call over both adapters): state and whether Asterisk holds it, each distinct answer with its count, and
     * the last change taken.
     */
    private String presenceNow() {
        Map<String, Integer> answers = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            answers.merge(presenceRead(), 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder();
        answers.forEach((a, n) -> out.append(out.length() == 0 ? "" : "; ").append(a).append(" (").append(n).append(" of 4)"));
        return out + "; the last change taken was " + presenceTaken;
    }

    private String presenceRead() {
        try {
            HttpResponse<String> answer = http.send(request("/api/presence/" + PHONE).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode p = JSON.readTree(answer.body());
            return answer.statusCode() == 200 ? p.path("state").asText() + ", applied " + p.path("applied").asBoolean()
                    : "HTTP " + answer.statusCode();
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    // ------------------------------------------------------------------ the recipient

    /** The infohus's webhook: counts pushes by Idempotency-Key, answers 200 as a receiver that dedupes does. */
    private HttpServer startWebhookReceiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/webhook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key != null) {
                pushesByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    /** Points infohus-fyn at this run's receiver, and back at its inbox afterwards. */
    private void configureDelivery(String routingUrl, Map<String, String> delivery) throws Exception {
        String body = JSON.writeValueAsString(delivery);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(routingUrl + "/api/admin/recipients/infohus-fyn/delivery"))
                .header("Authorization", "Bearer " + realm.freshUser("supervisor"))
                .header("Content-Type", "application/json").PUT(body(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("could not set infohus-fyn's delivery " + delivery.get("mode") + ": " + response.statusCode()
                    + " " + response.body());
        }
    }

    /** Waits until every accepted referral was pushed; answers the inbox rows per referral (the database's view). */
    private Map<String, Integer> awaitDelivery(String jdbc, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && !pushed().containsAll(accepted.keySet())) {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
        Map<String, Integer> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbc, "hotline", "hotline");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select referral_id, count(*) from inbox_entry"
                     + " where organisation_id = 'infohus-fyn' group by referral_id")) {
            while (r.next()) {
                rows.put(r.getString(1), r.getInt(2));
            }
        }
        return rows;
    }

    private Set<String> pushed() {
        Set<String> ids = new HashSet<>();
        pushesByKey.keySet().forEach(key -> ids.add(key.substring(0, key.indexOf(':'))));
        return ids;
    }

    // ------------------------------------------------------------------ the table

    /** Marker lines: {@code <epoch ms> fault <what>}, {@code <epoch ms> back <what>}, {@code <epoch ms> end}. */
    private String report(List<String> markerLines, Map<String, Integer> inInbox) {
        record Marker(long ms, String event, String what) {
        }
        List<Marker> markers = new ArrayList<>();
        for (String line : markerLines) {
            String[] p = line.trim().split(" ", 3);
            markers.add(new Marker(Long.parseLong(p[0]), p[1], p.length > 2 ? p[2] : ""));
        }
        List<Marker> faults = markers.stream().filter(m -> m.event().equals("fault")).toList();
        long end = markers.stream().filter(m -> m.event().equals("end")).mapToLong(Marker::ms).findFirst()
                .orElse(Long.MAX_VALUE);
        long firstFault = faults.isEmpty() ? end : faults.get(0).ms();
        Set<String> pushedIds = pushed();
        StringBuilder out = new StringBuilder();
        out.append("| window | HTTP flows (log + referral) | retried | failed | 500s | calls routed | via 2nd adapter"
                + " | presence applied at once | referrals accepted | delivered once | not delivered | repeated pushes"
                + " | back in service | last disturbed op |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        out.append(row("steady (no fault)", markers.isEmpty() ? 0 : markers.get(0).ms(), firstFault, null, inInbox,
                pushedIds));
        for (int i = 0; i < faults.size(); i++) {
            Marker f = faults.get(i);
            long to = i + 1 < faults.size() ? faults.get(i + 1).ms() : end;
            Long back = markers.stream().filter(m -> m.event().equals("back") && m.what().equals(f.what())
                    && m.ms() >= f.ms()).map(Marker::ms).findFirst().orElse(null);
            out.append(row(f.what(), f.ms(), to, back == null ? null : back - f.ms(), inInbox, pushedIds));
        }
        int repeatedKeys = (int) pushesByKey.values().stream().filter(c -> c.get() > 1).count();
        out.append("\nTotals: ").append(accepted.size()).append(" referrals accepted, ")
                .append(accepted.keySet().stream().filter(pushedIds::contains).count()).append(" pushed to the webhook, ")
                .append(accepted.keySet().stream().filter(id -> inInbox.getOrDefault(id, 0) == 1).count())
                .append(" in the inbox exactly once; ").append(repeatedKeys)
                .append(" Idempotency-Keys pushed more than once (the receiver drops the repeats). The phone's queue")
                .append(" presence after the run: ").append(presenceAtEnd).append(".\n");
        out.append("\nWhy operations failed, by window:\n");
        for (int i = 0; i < faults.size(); i++) {
            long from = faults.get(i).ms();
            long to = i + 1 < faults.size() ? faults.get(i + 1).ms() : end;
            Map<String, Long> why = new java.util.TreeMap<>();
            done.stream().filter(op -> !op.ok() && op.intendedMs() >= from && op.intendedMs() < to)
                    .forEach(op -> why.merge(op.kind() + ": " + op.detail(), 1L, Long::sum));
            if (!why.isEmpty()) {
                out.append("- ").append(faults.get(i).what()).append(": ").append(why).append('\n');
            }
        }
        return out.toString();
    }

    private String row(String window, long from, long to, Long backAfterMs, Map<String, Integer> inInbox,
                       Set<String> pushedIds) {
        List<Op> ops = done.stream().filter(op -> op.intendedMs() >= from && op.intendedMs() < to).toList();
        List<Op> flows = ops.stream().filter(op -> op.kind().equals("log") || op.kind().equals("referral")).toList();
        List<Op> callOps = ops.stream().filter(op -> op.kind().equals("call")).toList();
        List<Op> presenceOps = ops.stream().filter(op -> op.kind().equals("presence")).toList();
        // A flow is three requests (create, fill in, finalise): more attempts than that were retries.
        int retried = (int) flows.stream().filter(op -> op.attempts() > 3).count();
        int failed = (int) flows.stream().filter(op -> !op.ok()).count();
        // A 500 to a presence change is counted with the flows': no client request may get one.
        int serverErrors = flows.stream().mapToInt(Op::serverErrors).sum()
                + presenceOps.stream().mapToInt(Op::serverErrors).sum();
        List<String> acceptedHere = accepted.entrySet().stream()
                .filter(e -> e.getValue() >= from && e.getValue() < to).map(Map.Entry::getKey).toList();
        long deliveredOnce = acceptedHere.stream()
                .filter(id -> pushedIds.contains(id) && inInbox.getOrDefault(id, 0) == 1).count();
        long repeated = acceptedHere.stream()
                .filter(id -> pushesByKey.getOrDefault(id + ":infohus-fyn", new AtomicInteger()).get() > 1).count();
        long lastDisturbed = ops.stream().filter(op -> !op.ok() || op.attempts() > undisturbedAttempts(op.kind()))
                .mapToLong(Op::intendedMs).max().orElse(from) - from;
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d / %d | %d | %d / %d | %d | %d | %d | %d | %s | %s |%n",
                window, flows.size(), retried, failed, serverErrors,
                callOps.stream().filter(Op::ok).count(), callOps.size(),
                callOps.stream().filter(op -> op.ok() && op.attempts() > 1).count(),
                presenceOps.stream().filter(Op::ok).count(), presenceOps.size(),
                acceptedHere.size(), deliveredOnce, acceptedHere.size() - deliveredOnce, repeated,
                backAfterMs == null ? "–" : String.format(Locale.ROOT, "%.1f s", backAfterMs / 1000.0),
                lastDisturbed == 0 ? "–" : String.format(Locale.ROOT, "+%.1f s", lastDisturbed / 1000.0));
    }
}
