package dk.hotline.telephony.pbx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real Asterisk 20 of HOTLINE_ASTERISK_HOME, run with the project's own deploy/asterisk/ files: copied as they
 * are, then only bind addresses, ports and secrets overlaid (127.0.0.1). Everything it writes lands in one run folder.
 */
final class RealAsterisk implements AutoCloseable {

    static final Path DEPLOY = Path.of("..", "deploy", "asterisk").toAbsolutePath().normalize();
    /** sockaddr_un's sun_path is 108 bytes, the terminating NUL included. */
    private static final int MAX_SOCKET_PATH = 107;

    private final Path home;
    private final Path run;
    private final Path conf;

    private RealAsterisk(Path home, Path run) {
        this.home = home;
        this.run = run;
        this.conf = run.resolve("etc/asterisk.conf");
    }

    /**
     * The unpacked Asterisk: HOTLINE_ASTERISK_HOME (or the system property of that name) names a folder holding
     * sbin/asterisk somewhere below it, or holding the tarballs, which are then unpacked into target/.
     */
    static Optional<Path> find(Path unpackInto) {
        String setting = System.getProperty("HOTLINE_ASTERISK_HOME", System.getenv("HOTLINE_ASTERISK_HOME"));
        if (setting == null || setting.isBlank() || !Files.isDirectory(Path.of(setting))) {
            return Optional.empty();
        }
        Path root = Path.of(setting).toAbsolutePath();
        Optional<Path> unpacked = asteriskBelow(root);
        if (unpacked.isPresent()) {
            return unpacked;
        }
        try (Stream<Path> files = Files.list(root)) {
            List<Path> tarballs = files.filter(p -> p.getFileName().toString().endsWith(".tar.gz")).toList();
            if (tarballs.isEmpty()) {
                return Optional.empty();
            }
            Files.createDirectories(unpackInto);
            for (Path tarball : tarballs) {
                run(List.of("tar", "xzf", tarball.toString(), "-C", unpackInto.toString()), Duration.ofMinutes(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return asteriskBelow(unpackInto);
    }

    /** The folder above sbin/asterisk, at most two levels below root. */
    private static Optional<Path> asteriskBelow(Path root) {
        try (Stream<Path> files = Files.walk(root, 3)) {
            return files.filter(p -> p.endsWith(Path.of("sbin", "asterisk")) && Files.isExecutable(p))
                    .map(p -> p.getParent().getParent()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** SIPp from the same place: bin/sipp below HOTLINE_ASTERISK_HOME or beside the unpacked Asterisk. */
    static Optional<Path> findSipp(Path asteriskHome) {
        for (Path root : List.of(asteriskHome.getParent(), asteriskHome)) {
            try (Stream<Path> files = Files.walk(root, 3)) {
                Optional<Path> sipp = files.filter(p -> p.endsWith(Path.of("bin", "sipp")) && Files.isExecutable(p))
                        .findFirst();
                if (sipp.isPresent()) {
                    return sipp;
                }
            } catch (IOException e) {
                // look in the next place
            }
        }
        return Optional.empty();
    }

    record Ports(int sip, int telco, int ami, int agi) {
    }

    static RealAsterisk start(Path home, Path run, Ports ports, String amiSecret, String phoneSecret) {
        return start(home, run, ports, amiSecret, phoneSecret, false);
    }

    /**
     * With {@code agiTimings} (benchmarks only) Asterisk also writes log/agi-timing: every AGI line it sends and
     * receives ("agi set debug on") with millisecond timestamps. It holds the callers' numbers (agi_callerid): the
     * benchmark's are made up.
     */
    static RealAsterisk start(Path home, Path run, Ports ports, String amiSecret, String phoneSecret,
                              boolean agiTimings) {
        RealAsterisk pbx = new RealAsterisk(home, run);
        Path socket = run.toAbsolutePath().resolve("run/asterisk.ctl");
        if (socket.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            // Asterisk would start and never open its control socket: the suite would wait a minute and not say why.
            throw new IllegalStateException("Asterisk's control socket " + socket + " is longer than a Unix socket "
                    + "path may be (" + MAX_SOCKET_PATH + " bytes): use a shorter run folder");
        }
        try {
            pbx.writeConfiguration(ports, amiSecret, phoneSecret);
            if (agiTimings) {
                overlay(pbx.run.resolve("etc/logger.conf"), Map.of("dateformat = %F %T", "dateformat = %F %T.%3q",
                        "messages => warning,error", "messages => warning,error\nagi-timing => verbose"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            pbx.boot();
            if (agiTimings) {
                pbx.cli("core set verbose 3");
                pbx.cli("agi set debug on");
            }
        } catch (RuntimeException e) {
            pbx.close();
            throw e;
        }
        return pbx;
    }

    private void boot() {
        RealAsterisk pbx = this;
        run(List.of(pbx.binary(), "-C", pbx.conf.toString()), Duration.ofSeconds(30));
        // It forks into the background: its control socket appears once it listens.
        org.awaitility.Awaitility.await("Asterisk's control socket").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> Files.exists(pbx.run.resolve("run/asterisk.ctl")));
        pbx.cli("core waitfullybooted");
    }

    /**
     * Stops Asterisk and starts it again on the same run folder. With {@code forgetMembers} its AstDB goes first, so
     * it comes back without the queue members {@code persistentmembers} would have restored (a PBX rebuilt or moved):
     * only the adapter can put them back.
     */
    void restart(boolean forgetMembers) {
        close();
        org.awaitility.Awaitility.await("Asterisk stopped").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300)).until(() -> !answers());
        try {
            Files.deleteIfExists(run.resolve("run/asterisk.ctl"));
            if (forgetMembers) {
                Files.deleteIfExists(run.resolve("db/astdb.sqlite3"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boot();
    }

    private boolean answers() {
        try {
            cli("core show version");
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private String binary() {
        return home.resolve("sbin/asterisk").toString();
    }

    private void writeConfiguration(Ports ports, String amiSecret, String phoneSecret) throws IOException {
        Path etc = run.resolve("etc");
        Path data = run.resolve("data");
        for (String dir : List.of("etc", "data", "db", "spool", "run", "log", "cache")) {
            Files.createDirectories(run.resolve(dir));
        }
        try (Stream<Path> files = Files.list(DEPLOY)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".conf")).toList()) {
                Files.copy(file, etc.resolve(file.getFileName()));
            }
        }
        overlay(etc.resolve("pjsip.conf"), Map.of(
                "bind=0.0.0.0:5060", "bind=127.0.0.1:" + ports.sip(),
                "match=198.51.100.10", "match=127.0.0.1:" + ports.telco(),
                "match=198.51.100.11", "",
                "contact=sip:sip.telco.example:5060", "contact=sip:127.0.0.1:" + ports.telco()));
        overlay(etc.resolve("manager.conf"), Map.of(
                "port=5038", "port=" + ports.ami(),
                "bindaddr=10.0.10.5", "bindaddr=127.0.0.1",
                "permit=10.0.20.0/255.255.255.0", "permit=127.0.0.1/255.255.255.255"));
        // Both adapters the dialplan knows are the one adapter the suite runs.
        overlay(etc.resolve("extensions.conf"), Map.of(
                "HOTLINE_AGI_URL=agi://telephony-adapter-1:4573/incoming",
                "HOTLINE_AGI_URL=agi://127.0.0.1:" + ports.agi() + "/incoming",
                "HOTLINE_AGI_URL_2=agi://telephony-adapter-2:4573/incoming",
                "HOTLINE_AGI_URL_2=agi://127.0.0.1:" + ports.agi() + "/incoming"));
        Files.writeString(etc.resolve("manager_hotline_secret.conf"), "secret=" + amiSecret + "\n");
        Files.writeString(etc.resolve("pjsip_auth.conf"),
                Files.readString(DEPLOY.resolve("pjsip_auth.conf.example")).replace("CHANGE-ME", phoneSecret));
        // Asterisk's data folder: our prompts and hold music, and its own documentation (for the CLI).
        Files.createSymbolicLink(data.resolve("sounds"), DEPLOY.resolve("sounds"));
        Files.createSymbolicLink(data.resolve("moh"), DEPLOY.resolve("moh"));
        Path docs = home.resolve("var/lib/asterisk/documentation");
        if (Files.isDirectory(docs)) {
            Files.createSymbolicLink(data.resolve("documentation"), docs);
        }
        Files.writeString(conf, String.join("\n",
                "[directories]",
                "astetcdir => " + etc,
                "astmoddir => " + home.resolve("lib/asterisk/modules"),
                "astvarlibdir => " + data,
                "astdatadir => " + data,
                "astkeydir => " + data,
                "astagidir => " + data.resolve("agi-bin"),
                "astdbdir => " + run.resolve("db"),
                "astspooldir => " + run.resolve("spool"),
                "astrundir => " + run.resolve("run"),
                "astlogdir => " + run.resolve("log"),
                "astsbindir => " + home.resolve("sbin"),
                "astcachedir => " + run.resolve("cache"),
                "") + "\n");
    }

    /** Replaces whole lines; a line that is not there fails, so the overlay never goes stale silently. */
    private static void overlay(Path file, Map<String, String> replacements) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            int i = lines.indexOf(r.getKey());
            if (i < 0) {
                throw new IllegalStateException(file.getFileName() + " no longer has the line '" + r.getKey()
                        + "' the test overlays");
            }
            lines.set(i, r.getValue());
        }
        Files.write(file, lines);
    }

    /** A CLI command through Asterisk's control socket in the run folder (never the network). */
    String cli(String command) {
        return run(List.of(binary(), "-C", conf.toString(), "-rx", command), Duration.ofSeconds(60));
    }

    Path runFolder() {
        return run;
    }

    Path agiTimingLog() {
        return run.resolve("log/agi-timing");
    }

    Path messagesLog() {
        return run.resolve("log/messages");
    }

    @Override
    public void close() {
        try {
            cli("core stop now");
        } catch (RuntimeException e) {
            // already stopped
        }
    }

    static String run(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in " + timeout);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " exited with " + process.exitValue() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port in 15000-15999 free for both TCP and UDP on 127.0.0.1. */
    static int freePort(List<Integer> taken) {
        for (int port = 15000 + (int) (ProcessHandle.current().pid() % 500); port < 16000; port++) {
            if (taken.contains(port)) {
                continue;
            }
            try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                taken.add(port);
                return port;
            } catch (IOException e) {
                // in use: next
            }
        }
        throw new IllegalStateException("no free port in 15000-15999");
    }
}
