package dk.hotline.core.bench;

import dk.hotline.core.support.HotlineClient;
import dk.hotline.core.support.PackagedApp;
import dk.hotline.core.support.TokenMint;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load harness (not a test): log and referral writes against the packaged
 * hotline-core at increasing offered rates. One "case" is four writes in a row,
 * as an advisor makes them: open a contact, save the log, finalise it, refer it.
 * Cases start at a fixed rate (open loop), so a slow server does not slow the
 * offered load down. Reports writes/s achieved, p50/p99/max latency per
 * stage, errors, and the outbox relay's lag (created_at → published_at) of the
 * referral events written in that stage.
 *
 * <p>Run (see docs/BENCHMARKS.md): {@code mvn -o -pl hotline-core package -DskipTests}, then
 * {@code mvn -o -q -pl hotline-core dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * -Dmdep.includeScope=test}, then from hotline-core {@code java -cp target/test-classes:$(cat target/test-classpath.txt)
 * dk.hotline.core.bench.CoreWriteBench}. Env: HOTLINE_BENCH_DB, HOTLINE_BENCH_RATES=250,500,1000,1500,
 * HOTLINE_BENCH_SECONDS=20, HOTLINE_BENCH_WARMUP_SECONDS=30, HOTLINE_BENCH_JVM_OPTS (instead of
 * deploy/jvm/hotline-core.options; with {@code -XX:NativeMemoryTracking=summary} the JVM's memory by area is written
 * after each stage to target/bench/LABEL-nmt-RATE.txt).
 */
public final class CoreWriteBench {

    private static final int WRITES_PER_CASE = 4;
    private static final int MAX_OUTSTANDING_CASES = 256;

    record Stage(int offered, double achieved, long ok, long errors, long shed, double p50, double p99, double max,
                 double lagP50, double lagP99, double lagMax) {
    }

    /** One offered rate: the app's stage, the floor's at the same rate, the app's memory and GC, the machine's load. */
    record Row(Stage app, double[] floor, long rssMaxKb, GcLog.Pauses gc, String loadBefore, String loadAfter) {
    }

    public static void main(String[] args) throws Exception {
        String database = PackagedApp.envOr("HOTLINE_BENCH_DB", "hotline_core_advice_bench");
        int[] rates = Arrays.stream(PackagedApp.envOr("HOTLINE_BENCH_RATES", "250,500,1000,1500").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int seconds = Integer.parseInt(PackagedApp.envOr("HOTLINE_BENCH_SECONDS", "20"));
        int warmup = Integer.parseInt(PackagedApp.envOr("HOTLINE_BENCH_WARMUP_SECONDS", "30"));
        String label = PackagedApp.envOr("HOTLINE_BENCH_LABEL", "core");
        Path jar = Path.of(PackagedApp.envOr("HOTLINE_BENCH_APP", PackagedApp.JAR.toString()));
        Path gcLog = Path.of("target", "bench", label + "-gc.log").toAbsolutePath();
        String options = PackagedApp.envOr("HOTLINE_BENCH_JVM_OPTS", "");
        List<String> jvm = new ArrayList<>(options.isBlank() ? List.of("@" + PackagedApp.JVM_OPTIONS.toAbsolutePath().normalize())
                : Arrays.asList(options.trim().split("\\s+")));
        jvm.add("-Xlog:gc*,safepoint:file=" + gcLog + ":uptime,level,tags");
        String url = "jdbc:postgresql://127.0.0.1:" + PackagedApp.envOr("HOTLINE_PG_PORT", "55432") + "/" + database;
        String topic = "bench.referrals." + UUID.randomUUID();
        TokenMint tokens = new TokenMint();
        List<Row> rows = new ArrayList<>();
        Files.createDirectories(Path.of("target", "bench"));
        try (PackagedApp app = new PackagedApp(database, topic, tokens.publicKey(), Path.of("target", "bench", label)).jar(jar).jvmOptions(jvm);
             Connection db = DriverManager.getConnection(url, "hotline", "hotline")) {
            app.start();
            Instant jvmStart = ProcessHandle.of(app.pid()).flatMap(h -> h.info().startInstant()).orElseThrow();
            HotlineClient client = new HotlineClient(HotlineClient.newHttp(), app::uri, tokens.advisor("bench", "AARHUS", "advisor-aarhus-bench"));
            run(client, 200, warmup); // warm-up: JIT, connection pools; not reported
            try (CommitFloor floor = new CommitFloor(url)) {
                floor.run(200, Math.min(warmup, 10)); // its own warm-up
                for (int rate : rates) {
                    String loadBefore = CommitFloor.loadAverage();
                    Instant from = Instant.now();
                    RssSampler rss = RssSampler.start(app.pid());
                    Stage partial = run(client, rate, seconds);
                    long rssMax = rss.stop();
                    if (NativeMemory.tracked(jvm)) {
                        NativeMemory.summary(app.pid(), Path.of("target", "bench", label + "-nmt-" + rate + ".txt"));
                    }
                    Instant to = Instant.now();
                    awaitDrained(db, topic);
                    double[] lag = lag(db, topic, from, to);
                    Stage stage = new Stage(rate, partial.achieved(), partial.ok(), partial.errors(), partial.shed(), partial.p50(),
                            partial.p99(), partial.max(), lag[0], lag[1], lag[2]);
                    double[] floorFigures = floor.run(rate, seconds);
                    GcLog.Pauses gc = GcLog.pauses(gcLog, Duration.between(jvmStart, from), Duration.between(jvmStart, to));
                    Row row = new Row(stage, floorFigures, rssMax, gc, loadBefore, CommitFloor.loadAverage());
                    rows.add(row);
                    System.out.printf("offered %5d/s: achieved %7.1f writes/s, p50 %6.1f ms, p99 %7.1f ms, max %7.1f ms, errors %d, shed %d; "
                                    + "floor p50 %.1f p99 %.1f; RSS max %d MB; GC pauses %d, total %.0f ms, max %.1f ms; load %s -> %s%n",
                            rate, stage.achieved(), stage.p50(), stage.p99(), stage.max(), stage.errors(), stage.shed(),
                            floorFigures[0], floorFigures[1], rssMax / 1024, gc.count(), gc.totalMs(), gc.maxMs(), row.loadBefore(), row.loadAfter());
                }
            }
        }
        StringBuilder table = new StringBuilder("| run | offered writes/s | achieved writes/s | p50 ms | p99 ms | max ms | errors | shed cases "
                + "| floor p50 ms | floor p99 ms | p50 / floor | p99 / floor | relay lag p50 / p99 ms | RSS max MB | GC pauses (n, total, max ms) "
                + "| load average before → after |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | --- |\n");
        for (Row r : rows) {
            Stage s = r.app();
            table.append(String.format("| %s | %d | %.0f | %.1f | %.1f | %.1f | %d | %d | %.1f | %.1f | %.1f | %.1f | %.0f / %.0f | %d | %d, %.0f, %.1f | %s → %s |%n",
                    label, s.offered(), s.achieved(), s.p50(), s.p99(), s.max(), s.errors(), s.shed(), r.floor()[0], r.floor()[1],
                    s.p50() / r.floor()[0], s.p99() / r.floor()[1], s.lagP50(), s.lagP99(), r.rssMaxKb() / 1024, r.gc().count(),
                    r.gc().totalMs(), r.gc().maxMs(), r.loadBefore(), r.loadAfter()));
        }
        Files.writeString(Path.of("target", "bench", label + "-bench.md"), table);
        System.out.println(table);
        System.exit(0);
    }

    /** Offers {@code rate} writes/s for {@code seconds}; answers the client-side figures. */
    static Stage run(HotlineClient client, int rate, int seconds) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latenciesNanos = new ConcurrentLinkedQueue<>();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong shed = new AtomicLong();
        AtomicInteger outstanding = new AtomicInteger();
        int casesPerSecond = Math.max(1, rate / WRITES_PER_CASE);
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / casesPerSecond;
        long totalCases = (long) casesPerSecond * seconds;
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicLong started = new AtomicLong();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        long begin = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            if (started.get() >= totalCases) {
                return;
            }
            long index = started.getAndIncrement();
            if (outstanding.get() >= MAX_OUTSTANDING_CASES) {
                shed.incrementAndGet();
                return;
            }
            outstanding.incrementAndGet();
            // Timed from when this case was due, not from when the ticker got round to it (no coordinated omission).
            long due = begin + index * periodNanos;
            CompletableFuture<Void> c = oneCase(client, due, latenciesNanos, ok, errors)
                    .whenComplete((v, e) -> outstanding.decrementAndGet());
            synchronized (all) {
                all.add(c);
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (started.get() < totalCases) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        ticker.shutdown();
        CompletableFuture<Void> every;
        synchronized (all) {
            every = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
        }
        every.exceptionally(e -> null).join();
        double elapsed = (System.nanoTime() - begin) / 1e9;
        long[] sorted = latenciesNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Stage(rate, ok.get() / elapsed, ok.get(), errors.get(), shed.get(),
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, 0, 0, 0);
    }

    /** The first write is due at {@code due}; each later one is due when the answer to the one before it came. */
    private static CompletableFuture<Void> oneCase(HotlineClient client, long due, ConcurrentLinkedQueue<Long> latencies, AtomicLong ok,
                                                   AtomicLong errors) {
        return timed(client, due, client.post("/api/contacts", "{\"channel\":\"EMAIL\"}"), 201, latencies, ok, errors)
                .thenCompose(r -> {
                    String id = idOf(client, r);
                    return timed(client, System.nanoTime(), client.patch("/api/contacts/" + id, HotlineClient.LOG), 200, latencies, ok, errors)
                            .thenCompose(x -> timed(client, System.nanoTime(), client.post("/api/contacts/" + id + "/finalise", "{}"), 200,
                                    latencies, ok, errors))
                            .thenCompose(x -> timed(client, System.nanoTime(), client.post("/api/contacts/" + id + "/referral",
                                    HotlineClient.REFERRAL, UUID.randomUUID().toString()), 201, latencies, ok, errors));
                })
                .thenApply(r -> (Void) null)
                .exceptionally(e -> null);
    }

    private static CompletableFuture<HttpResponse<String>> timed(HotlineClient client, long t0, HttpRequest request, int expected,
                                                                 ConcurrentLinkedQueue<Long> latencies, AtomicLong ok, AtomicLong errors) {
        return client.sendAsync(request).thenApply(r -> {
            latencies.add(System.nanoTime() - t0);
            if (r.statusCode() != expected) {
                errors.incrementAndGet();
                throw new IllegalStateException("HTTP " + r.statusCode());
            }
            ok.incrementAndGet();
            return r;
        }).whenComplete((r, e) -> {
            if (e != null && !(e.getCause() instanceof IllegalStateException)) {
                errors.incrementAndGet();
            }
        });
    }

    private static String idOf(HotlineClient client, HttpResponse<String> r) {
        try {
            return client.idOf(r);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static void awaitDrained(Connection db, String topic) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try (PreparedStatement q = db.prepareStatement("SELECT count(*) FROM outbox_event WHERE topic = ? AND published_at IS NULL")) {
                q.setString(1, topic);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("the outbox did not drain within 3 minutes");
    }

    /** p50, p99, max of published_at - created_at (ms) for the events created in [from, to). */
    private static double[] lag(Connection db, String topic, Instant from, Instant to) throws Exception {
        try (PreparedStatement q = db.prepareStatement("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at)),
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at)),
                       max(extract(epoch FROM published_at - created_at))
                  FROM outbox_event WHERE topic = ? AND created_at >= ? AND created_at < ?""")) {
            q.setString(1, topic);
            q.setTimestamp(2, Timestamp.from(from));
            q.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return new double[]{rs.getDouble(1) * 1000, rs.getDouble(2) * 1000, rs.getDouble(3) * 1000};
            }
        }
    }
}
