package dk.hotline.telephony.bench;

import dk.hotline.telephony.routing.agi.BoundedAgiServer;
import dk.hotline.telephony.routing.agi.IncomingCallScript;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.telephony.routing.domain.LinePolicy;
import dk.hotline.telephony.routing.domain.QueuePresence;
import dk.hotline.telephony.routing.domain.Router;
import dk.hotline.telephony.routing.domain.Schedule;
import dk.hotline.telephony.routing.domain.ScheduleReplica;
import dk.hotline.contracts.schedule.Segment;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.telephony.testsupport.FakeAsterisk;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.fastagi.SimpleMappingStrategy;

/**
 * Load generator (a benchmark, not a test): N concurrent FastAGI sessions over loopback, each doing exactly what
 * Asterisk does for one call (connect, agi_* header, answer every command, until the server hangs up), in a closed
 * loop for a fixed time. Measures routing decisions/s and session latency percentiles, against the real routing
 * script ("incoming") and against a do-nothing script ("noop") on the same server as the floor.
 *
 * <p>Run: {@code mvn -B -o -pl telephony-adapter test-compile exec:java} is not wired; see docs/BENCHMARKS.md
 * for the java command line.
 */
public final class AgiLoadBenchmark {

    private AgiLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] levels = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {100, 500, 1000};
        Duration warmup = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 5);
        Duration measure = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 15);
        int poolSize = args.length > 3 ? Integer.parseInt(args[3]) : 256;
        // Pause between one session's calls: 0 = saturation (closed loop); 100 ms ≈ N/0.1 calls offered per second.
        long thinkMillis = args.length > 4 ? Long.parseLong(args[4]) : 100;

        Clock clock = Clock.systemUTC();
        ScheduleReplica replica = new ScheduleReplica(clock);
        Instant now = clock.instant();
        for (Line line : Line.values()) {
            Site site = line == Line.NATIONAL ? Site.AARHUS : Site.COPENHAGEN;
            replica.offer(new Schedule(line, 1, now, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)),
                    List.of(new Segment(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), site, true,
                            "bench"))));
        }
        QueuePresence presence = new QueuePresence(clock);
        presence.snapshotStarted();
        presence.memberUpdated(new QueuePresence.Member("hotline-aarhus", "PJSIP/advisor-aarhus-1", "A", 1, false, null));
        presence.memberUpdated(new QueuePresence.Member("hotline-copenhagen", "PJSIP/advisor-cph-1", "C", 1, false, null));
        presence.snapshotCompleted();
        Router router = new Router(clock, replica, presence, Map.of(
                Line.NATIONAL, new LinePolicy(true, Duration.ofSeconds(120), Site.AARHUS),
                Line.COPENHAGEN_LOCAL, new LinePolicy(false, Duration.ofSeconds(120), Site.COPENHAGEN)));
        SimpleMappingStrategy scripts = new SimpleMappingStrategy();
        scripts.setMappings(Map.of(
                "incoming", new IncomingCallScript(router, Map.of("70102030", Line.NATIONAL,
                        "33669900", Line.COPENHAGEN_LOCAL), ZoneId.of("Europe/Copenhagen")),
                "noop", (request, channel) -> { }));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        BoundedAgiServer server = new BoundedAgiServer(scripts, poolSize, 4096);
        server.setPort(port);
        server.setAddress(InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        accept.setDaemon(true);
        accept.start();
        awaitListening(port);

        System.out.printf("# FastAGI load: pool=%d, think=%dms, warmup=%ss, measure=%ss, cores=%d, java=%s%n",
                poolSize, thinkMillis, warmup.toSeconds(), measure.toSeconds(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| concurrent | script | sessions/s | p50 ms | p99 ms | p99.9 ms | max ms | errors |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (int n : levels) {
            Result noop = run(port, "noop", n, warmup, measure, thinkMillis);
            Result real = run(port, "incoming", n, warmup, measure, thinkMillis);
            System.out.println(noop.row(n, "noop (floor)"));
            System.out.println(real.row(n, "incoming (routing)"));
            System.out.printf("| %d | ratio routing/floor | %.2f | %.2f | %.2f | %.2f | | |%n", n,
                    real.perSecond / noop.perSecond, real.pct(50) / noop.pct(50), real.pct(99) / noop.pct(99),
                    real.pct(99.9) / noop.pct(99.9));
        }
        server.shutdown();
        System.exit(0);
    }

    private record Result(double perSecond, long[] sortedNanos, long errors) {

        double pct(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100.0 * sortedNanos.length) - 1);
            return sortedNanos[Math.max(0, i)] / 1_000_000.0;
        }

        String row(int n, String script) {
            return String.format("| %d | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %d |", n, script, perSecond, pct(50),
                    pct(99), pct(99.9), sortedNanos.length == 0 ? Double.NaN
                            : sortedNanos[sortedNanos.length - 1] / 1_000_000.0, errors);
        }
    }

    private static Result run(int port, String script, int concurrency, Duration warmup, Duration measure,
                              long thinkMillis) throws InterruptedException {
        AtomicBoolean recording = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[concurrency];
        CountDownLatch done = new CountDownLatch(concurrency);
        String header = header(script);
        for (int t = 0; t < concurrency; t++) {
            long[] samples = new long[20_000];
            perThread.add(samples);
            int index = t;
            Thread thread = new Thread(() -> {
                long seq = 0;
                while (!stop.get()) {
                    long start = System.nanoTime();
                    boolean ok = session(port, header.replace("UNIQUE", index + "." + seq++));
                    long took = System.nanoTime() - start;
                    if (!ok) {
                        errors.incrementAndGet();
                    } else if (recording.get() && counts[index] < samples.length) {
                        samples[counts[index]++] = took;
                    }
                    if (thinkMillis > 0) {
                        try {
                            Thread.sleep(thinkMillis);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
                done.countDown();
            }, "agi-load-" + t);
            thread.setDaemon(true);
            thread.start();
        }
        Thread.sleep(warmup.toMillis());
        errors.set(0);
        recording.set(true);
        long t0 = System.nanoTime();
        Thread.sleep(measure.toMillis());
        recording.set(false);
        long elapsed = System.nanoTime() - t0;
        long errs = errors.get();
        stop.set(true);
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(perThread.get(t), 0, all, k, counts[t]);
            k += counts[t];
        }
        Arrays.sort(all);
        return new Result(total / (elapsed / 1e9), all, errs);
    }

    private static String header(String script) {
        Map<String, String> h = FakeAsterisk.agiHeaders("UNIQUE", "70102030", "+4520000001");
        h.put("agi_network_script", script);
        h.put("agi_request", "agi://127.0.0.1/" + script);
        StringBuilder b = new StringBuilder();
        h.forEach((key, value) -> b.append(key).append(": ").append(value).append('\n'));
        return b.append('\n').toString();
    }

    /** One call as Asterisk makes it; true when the server answered and hung up cleanly. */
    /** The server starts on its own thread: measure nothing before it accepts connections. */
    private static void awaitListening(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("FastAGI server did not listen on " + port, notYet);
                }
                Thread.onSpinWait();
            }
        }
    }

    private static boolean session(int port, String header) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            byte[] ok = "200 result=1\n".getBytes(StandardCharsets.US_ASCII);
            while (in.readLine() != null) {
                out.write(ok);
                out.flush();
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
