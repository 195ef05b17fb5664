package dk.hotline.telephony.pbx;

import dk.hotline.telephony.testsupport.KafkaTopics;
import dk.hotline.telephony.testsupport.ScheduleJsonSamples;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * Latency on the real path — a benchmark, not a test (docs/BENCHMARKS.md). SIPp places calls at a steady rate
 * through the real Asterisk (the project's deploy/asterisk files) → FastAGI → queue → two SIPp softphones answer;
 * the packaged adapter follows AMI and publishes, the packaged core records. Two runs on the same PBX:
 * the adapter answering the AGI, then a do-nothing FastAGI answer (the same one SET VARIABLE HOTLINE_ROUTE, fixed
 * values, no decision, no framework). Reported per run:
 * <ul>
 *   <li>the AGI exchange as Asterisk sees it: from the first line Asterisk sends on the AGI socket to the last
 *       line of the exchange, from its own AGI debug log with millisecond timestamps;</li>
 *   <li>the time to CONNECTED in core: from the moment the adapter saw the advisor answer (AgentConnect, the
 *       event's time) to core having recorded CONNECTED and opened the advisor's draft (its processed_event row).</li>
 * </ul>
 * Needs the test stack's exports and HOTLINE_ASTERISK_HOME, the packaged core and adapter, and runs from
 * telephony-adapter/. Arguments: calls per run (30), seconds between calls (5), seconds from the PBX answering to the
 * caller hanging up (7: the AGI, the queue and the phone's 1 s of ringing fit in it; two Aarhus phones take the calls).
 */
public final class RealPathBenchmark {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final String NATIONAL = "70102030";
    private static final String PHONE_SECRET = "bench-phone-secret";
    private static final Pattern AGI_LINE = Pattern.compile(
            "^\\[(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3})\\] VERBOSE\\[\\d+\\]\\[(C-[0-9a-f]+)\\] "
                    + "res_agi\\.c: .*AGI (Tx|Rx) .*");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private RealPathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Duration every = Duration.ofMillis((long) (1000 * (args.length > 1 ? Double.parseDouble(args[1]) : 5)));
        Duration talk = Duration.ofMillis((long) (1000 * (args.length > 2 ? Double.parseDouble(args[2]) : 7)));
        Path home = RealAsterisk.find(Path.of("target/asterisk").toAbsolutePath())
                .orElseThrow(() -> new IllegalStateException("set HOTLINE_ASTERISK_HOME"));
        Path sippBinary = RealAsterisk.findSipp(home).orElseThrow();
        Path run = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "real-path-bench-");
        List<Integer> ports = new ArrayList<>();
        RealAsterisk.Ports pbxPorts = new RealAsterisk.Ports(RealAsterisk.freePort(ports),
                RealAsterisk.freePort(ports), RealAsterisk.freePort(ports), RealAsterisk.freePort(ports));
        String suffix = UUID.randomUUID().toString();
        String rotation = "bench.rotation." + suffix;
        String callsTopic = "bench.calls." + suffix;
        String group = "bench-core-" + suffix;
        long version = System.currentTimeMillis();
        KafkaTopics.publishSchedule(rotation, "NATIONAL", ScheduleJsonSamples.openNow("NATIONAL", version, "AARHUS"));
        KafkaTopics.publishSchedule(rotation, "COPENHAGEN_LOCAL",
                ScheduleJsonSamples.openNow("COPENHAGEN_LOCAL", version, "COPENHAGEN"));
        KafkaTopics.createTopic(callsTopic, 3);

        String coreDatabase = "hotline_core_pbx";
        Map<String, Map<String, String>> env = SuiteEnvironment.services(REPO, ports, coreDatabase);
        env.get(SuiteEnvironment.ADAPTER).putAll(Map.of("HOTLINE_AMI_HOST", "127.0.0.1",
                "HOTLINE_AMI_PORT", Integer.toString(pbxPorts.ami()), "HOTLINE_AMI_SECRET", "bench-ami-secret",
                "HOTLINE_AGI_BIND", "127.0.0.1", "HOTLINE_AGI_PORT", Integer.toString(pbxPorts.agi()),
                "HOTLINE_CALLER_HASH_SECRET", "bench-caller-hash-secret",
                "MP_MESSAGING_INCOMING_ROTATION_TOPIC", rotation, "MP_MESSAGING_OUTGOING_CALLS_TOPIC", callsTopic));
        env.get(SuiteEnvironment.CORE).putAll(Map.of("HOTLINE_CALLS_TOPIC", callsTopic,
                "MP_MESSAGING_INCOMING_CALLS_GROUP_ID", group));
        int noopPort = RealAsterisk.freePort(ports);
        try (PackagedService core = PackagedService.start(REPO, SuiteEnvironment.CORE, env.get(SuiteEnvironment.CORE),
                run.resolve("services"));
             PackagedService adapter = PackagedService.start(REPO, SuiteEnvironment.ADAPTER,
                     env.get(SuiteEnvironment.ADAPTER), run.resolve("services"));
             RealAsterisk pbx = RealAsterisk.start(home, run.resolve("asterisk"), pbxPorts, "bench-ami-secret",
                     PHONE_SECRET, true);
             DoNothingFastAgi noop = new DoNothingFastAgi(noopPort)) {
            core.awaitUp("/q/health/ready");
            adapter.awaitUp("/q/health/ready");
            adapter.awaitUp("/q/health/well");
            KafkaTopics.awaitAssigned(group, callsTopic);
            // No static queue members: both Aarhus phones are signed in through core, as advisors do it.
            CorePresence presence = new CorePresence("http://127.0.0.1:"
                    + env.get(SuiteEnvironment.CORE).get("QUARKUS_HTTP_PORT"),
                    SuiteEnvironment.setting("HOTLINE_KEYCLOAK_URL", "http://127.0.0.1:58180"));
            presence.signIn("advisor-aarhus-1", "AARHUS");
            presence.signIn("advisor-aarhus-2", "AARHUS");
            Sipp sipp = new Sipp(sippBinary, pbxPorts.sip(), run.resolve("sipp"));
            // A first call warms up the JVMs and the PBX; it is not counted.
            measure("warm-up", pbx, sipp, ports, pbxPorts.telco(), coreDatabase, 3, every, talk);
            List<String> rows = new ArrayList<>();
            rows.add(measure("adapter", pbx, sipp, ports, pbxPorts.telco(), coreDatabase, calls, every, talk));
            pbx.cli("dialplan set global HOTLINE_AGI_URL agi://127.0.0.1:" + noopPort + "/incoming");
            pbx.cli("dialplan set global HOTLINE_AGI_URL_2 agi://127.0.0.1:" + noopPort + "/incoming");
            rows.add(measure("do-nothing FastAGI", pbx, sipp, ports, pbxPorts.telco(), coreDatabase, calls, every, talk));
            System.out.println();
            System.out.println("| AGI answer | calls | AGI exchange p50 / p90 / p99 / max ms | CONNECTED in core "
                    + "p50 / p90 / p99 / max ms | load average before → after |");
            System.out.println("| --- | --- | --- | --- | --- |");
            rows.forEach(System.out::println);
            System.out.println("run folder: " + run);
        }
    }

    private static String measure(String label, RealAsterisk pbx, Sipp sipp, List<Integer> ports, int telcoPort,
                                  String coreDatabase, int calls, Duration every, Duration talk) throws IOException {
        String load = loadAverage();
        long logFrom = Files.exists(pbx.agiTimingLog()) ? Files.size(pbx.agiTimingLog()) : 0;
        long since = System.currentTimeMillis() / 1000;
        Duration registered = every.multipliedBy(calls).plus(talk).plusSeconds(20);
        Sipp.Run phone1 = sipp.phone(RealAsterisk.freePort(ports), "advisor-aarhus-1", PHONE_SECRET, registered, false);
        Sipp.Run phone2 = sipp.phone(RealAsterisk.freePort(ports), "advisor-aarhus-2", PHONE_SECRET, registered, false);
        await("both phones registered").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> pbx.cli("pjsip show contacts").contains("advisor-aarhus-1/sip:")
                        && pbx.cli("pjsip show contacts").contains("advisor-aarhus-2/sip:"));
        // From the telco's port: pjsip.conf identifies the trunk by it (anything else is asked to authenticate).
        Sipp.Run telco = sipp.callsAtSteadyRate(telcoPort, NATIONAL, "+4529999999", every, calls,
                talk);
        int exit = telco.await(every.multipliedBy(calls).plusMinutes(5));
        List<Long> agi = agiExchanges(pbx.agiTimingLog(), logFrom);
        List<Long> connected = new ArrayList<>();
        try {
            await("core recorded the answered calls").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        connected.clear();
                        connected.addAll(connectedInCore(coreDatabase, since));
                        return connected.size() >= agi.size();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.printf("%s: core recorded %d of %d calls as connected%n", label, connected.size(), agi.size());
        }
        phone1.await(registered.plusSeconds(30));
        phone2.await(registered.plusSeconds(30));
        String row = String.format(Locale.ROOT, "| %s | %d (SIPp exit %d) | %s | %s | %s → %s |", label, agi.size(),
                exit, summary(agi), summary(connected), load, loadAverage());
        System.out.println(row);
        return row;
    }

    /** Per call (channel) the AGI exchange: first line Asterisk sent to last line of the exchange, in ms. */
    static List<Long> agiExchanges(Path log, long from) throws IOException {
        Map<String, long[]> span = new HashMap<>();
        List<String> order = new ArrayList<>();
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(from);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Matcher m = AGI_LINE.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                long at = LocalDateTime.parse(m.group(1), STAMP).atZone(java.time.ZoneId.systemDefault()).toInstant()
                        .toEpochMilli();
                long[] s = span.computeIfAbsent(m.group(2), k -> {
                    order.add(k);
                    return new long[] {at, at};
                });
                s[1] = at;
            }
        }
        return order.stream().map(k -> span.get(k)[1] - span.get(k)[0]).toList();
    }

    /** Per call connected since {@code since}: core's processing of CONNECTED minus the event's time, in ms. */
    static List<Long> connectedInCore(String database, long sinceEpochSecond) {
        String sql = "select round(extract(epoch from (p.processed_at - c.connected_at)) * 1000) from call_record c "
                + "join processed_event p on p.event_id = c.call_id || '/CONNECTED' where c.connected_at >= "
                + "to_timestamp(" + sinceEpochSecond + ") order by c.connected_at";
        ProcessBuilder builder = new ProcessBuilder("/usr/lib/postgresql/15/bin/psql", "-h", "127.0.0.1", "-p",
                SuiteEnvironment.setting("HOTLINE_PG_PORT", "55433"), "-U", "hotline", "-d", database, "-tA", "-c",
                sql).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "hotline");
        try {
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return out.isEmpty() ? List.of() : out.lines().map(l -> Math.round(Double.parseDouble(l))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String summary(List<Long> values) {
        if (values.isEmpty()) {
            return "–";
        }
        List<Long> sorted = values.stream().sorted().toList();
        return String.format(Locale.ROOT, "%d / %d / %d / %d", percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static long percentile(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    /**
     * A FastAGI server that decides nothing: it reads Asterisk's agi_* header and answers the same one
     * SET VARIABLE HOTLINE_ROUTE as the adapter with fixed values (queue at Aarhus), one thread per call, plain
     * sockets.
     */
    static final class DoNothingFastAgi implements AutoCloseable {
        private final ServerSocket server;

        DoNothingFastAgi(int port) throws IOException {
            server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        Thread t = new Thread(() -> answer(s), "do-nothing-agi");
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "do-nothing-agi-accept");
            accept.setDaemon(true);
            accept.start();
        }

        private static void answer(Socket socket) {
            try (socket) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream();
                String uniqueId = "";
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    if (line.startsWith("agi_uniqueid: ")) {
                        uniqueId = line.substring("agi_uniqueid: ".length());
                    }
                }
                out.write(("SET VARIABLE HOTLINE_ROUTE \"" + uniqueId + ",AARHUS,hotline-aarhus,false,,,,,QUEUE\"\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                in.readLine();
            } catch (IOException e) {
                // the call went away
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
