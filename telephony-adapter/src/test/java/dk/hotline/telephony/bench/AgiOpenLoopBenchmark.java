package dk.hotline.telephony.bench;

import dk.hotline.telephony.testsupport.FakeAsterisk;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop FastAGI benchmark (a {@code main}, not a test). The server side runs in its own JVM
 * ({@link AgiBenchServer}, with a GC log); this JVM is only the load generator, playing Asterisk for one call per
 * arrival: connect, send the {@code agi_*} header, answer {@code 200 result=1} to every command until the server
 * hangs up.
 *
 * <p>Arrivals are scheduled at a fixed rate whatever the server does (a scheduler thread hands each arrival to a
 * pool of idle client threads at its intended time), and every latency is taken from the <em>intended</em> send
 * time, so a stalled server or a late generator shows in the figures instead of thinning the load (no coordinated
 * omission). Each round warms up at the rate before measuring at it. In each round the floor (a plain-socket
 * FastAGI answer with one {@code SET VARIABLE}, same server JVM) is measured right before the adapter, and the
 * table gives the median over rounds of each figure and the adapter's ratio to the floor. CPU per call is the
 * server JVM's CPU time over the measurement divided by the calls; the load average is read before and after.
 *
 * <p>Environment: {@code HOTLINE_BENCH_RATES} (default 100,1000), {@code HOTLINE_BENCH_ROUNDS} (3),
 * {@code HOTLINE_BENCH_WARMUP_SECONDS} (5), {@code HOTLINE_BENCH_SECONDS} (10). Output: stdout and
 * {@code target/agi-bench/agi-bench.md}; the server's GC log is {@code target/agi-bench/gc-server.log}.
 */
public final class AgiOpenLoopBenchmark {

    private static final byte[] OK = "200 result=1\n".getBytes(StandardCharsets.US_ASCII);

    private AgiOpenLoopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] rates = Arrays.stream(env("HOTLINE_BENCH_RATES", "100,1000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int rounds = Integer.parseInt(env("HOTLINE_BENCH_ROUNDS", "3"));
        int warmupSeconds = Integer.parseInt(env("HOTLINE_BENCH_WARMUP_SECONDS", "5"));
        int seconds = Integer.parseInt(env("HOTLINE_BENCH_SECONDS", "10"));
        Path out = Path.of("target", "agi-bench");
        Files.createDirectories(out);

        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC",
                "-Xlog:gc*:file=" + out.resolve("gc-server.log") + ":uptime,level,tags",
                "-cp", System.getProperty("java.class.path"), AgiBenchServer.class.getName())
                .redirectError(out.resolve("server.err").toFile())
                .start();
        BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.US_ASCII));
        String[] ports = serverOut.readLine().split(" ");
        int adapterPort = Integer.parseInt(ports[1]);
        int floorPort = Integer.parseInt(ports[2]);

        ThreadPoolExecutor clients = new ThreadPoolExecutor(512, 512, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "agi-client");
                    t.setDaemon(true);
                    return t;
                });
        clients.prestartAllCoreThreads();
        String header = header();
        List<String> lines = new ArrayList<>();
        lines.add(String.format("# FastAGI open loop, %s: %d rounds, warm-up %d s, %d s measured per rate and target;"
                        + " cores=%d, java=%s; server JVM -Xmx256m -XX:+UseSerialGC", Instant.now(), rounds,
                warmupSeconds, seconds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        lines.add("");
        lines.add("| offered /s | answer | calls | errors | AGI commands per call | p50 ms | p99 ms | p99.9 ms | max ms"
                + " | p50 / floor | p99 / floor | server CPU µs per call | generator CPU µs per call"
                + " | load average before → after |");
        lines.add("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (int rate : rates) {
            List<Stage> floors = new ArrayList<>();
            List<Stage> adapters = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                for (boolean isFloor : new boolean[] {true, false}) {
                    int port = isFloor ? floorPort : adapterPort;
                    drive(clients, port, header, rate, warmupSeconds, null);
                    Stage stage = drive(clients, port, header, rate, seconds, server.toHandle());
                    (isFloor ? floors : adapters).add(stage);
                    System.out.printf("round %d, %d/s, %s: %s%n", round, rate, isFloor ? "floor" : "adapter", stage);
                }
            }
            Stage floor = Stage.median(floors);
            Stage adapter = Stage.median(adapters);
            lines.add(floor.row(rate, "raw-socket floor (1 SET VARIABLE)", floor));
            lines.add(adapter.row(rate, "adapter (IncomingCallScript)", floor));
        }
        clients.shutdownNow();
        server.getOutputStream().close();
        server.waitFor(10, TimeUnit.SECONDS);
        lines.add("");
        lines.add("Medians over the rounds of each figure (the row's figures can come from different rounds).");
        Files.write(out.resolve("agi-bench.md"), lines);
        lines.forEach(System.out::println);
        System.exit(0);
    }

    /** One stage at a fixed rate; measured when {@code server} is given, warm-up otherwise. */
    private static Stage drive(ExecutorService clients, int port, String header, int rate, int seconds,
                               ProcessHandle server) throws InterruptedException {
        int n = rate * seconds;
        long[] latency = new long[n];
        int[] commands = new int[n];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        long period = 1_000_000_000L / rate;
        String load = loadAverage();
        Duration serverCpu0 = server == null ? Duration.ZERO : cpu(server);
        Duration ownCpu0 = cpu(ProcessHandle.current());
        long start = System.nanoTime() + 1_000_000;
        for (int i = 0; i < n; i++) {
            long intended = start + i * period;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            clients.execute(() -> {
                int count = session(port, header.replace("UNIQUE", "1795323805." + index));
                latency[index] = System.nanoTime() - intended;
                if (count < 0) {
                    errors.incrementAndGet();
                }
                commands[index] = count;
                done.countDown();
            });
        }
        done.await();
        if (server == null) {
            return null;
        }
        Duration serverCpu = cpu(server).minus(serverCpu0);
        Duration ownCpu = cpu(ProcessHandle.current()).minus(ownCpu0);
        Arrays.sort(latency);
        Arrays.sort(commands);
        return new Stage(n, errors.get(), commands[n / 2], pct(latency, 50), pct(latency, 99), pct(latency, 99.9),
                latency[n - 1] / 1e6, serverCpu.toNanos() / 1e3 / n, ownCpu.toNanos() / 1e3 / n,
                load + " → " + loadAverage());
    }

    /** One call as Asterisk makes it: the number of AGI commands the server sent, or -1 on an I/O error. */
    private static int session(int port, String header) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            int count = 0;
            while (in.readLine() != null) {
                count++;
                out.write(OK);
                out.flush();
            }
            return count;
        } catch (IOException e) {
            return -1;
        }
    }

    private record Stage(int calls, int errors, int commands, double p50, double p99, double p999, double max,
                         double serverCpuMicros, double generatorCpuMicros, String load) {

        static Stage median(List<Stage> stages) {
            return new Stage(stages.get(0).calls, (int) med(stages, s -> s.errors), (int) med(stages, s -> s.commands),
                    med(stages, Stage::p50), med(stages, Stage::p99), med(stages, Stage::p999),
                    med(stages, Stage::max), med(stages, Stage::serverCpuMicros),
                    med(stages, Stage::generatorCpuMicros),
                    stages.get(0).load.split(" → ")[0] + " → " + stages.get(stages.size() - 1).load.split(" → ")[1]);
        }

        private static double med(List<Stage> stages, java.util.function.ToDoubleFunction<Stage> f) {
            double[] v = stages.stream().mapToDouble(f).sorted().toArray();
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }

        String row(int rate, String answer, Stage floor) {
            return String.format("| %d | %s | %d | %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f | %s |",
                    rate, answer, calls, errors, commands, p50, p99, p999, max, p50 / floor.p50, p99 / floor.p99,
                    serverCpuMicros, generatorCpuMicros, load);
        }

        @Override
        public String toString() {
            return String.format("calls=%d errors=%d commands=%d p50=%.2f p99=%.2f p99.9=%.2f max=%.2f ms,"
                            + " server CPU %.0f µs/call, generator CPU %.0f µs/call, load %s", calls, errors, commands,
                    p50, p99, p999, max, serverCpuMicros, generatorCpuMicros, load);
        }
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String header() {
        Map<String, String> h = FakeAsterisk.agiHeaders("UNIQUE", "70102030", "+4520000001");
        StringBuilder b = new StringBuilder();
        h.forEach((key, value) -> b.append(key).append(": ").append(value).append('\n'));
        return b.append('\n').toString();
    }

}
