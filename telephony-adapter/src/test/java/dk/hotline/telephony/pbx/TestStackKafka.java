package dk.hotline.telephony.pbx;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The test stack's Kafka broker (the one `deploy/local/hotline infra` or `test` started), stopped and started again
 * the way an outage would: the process is gone, connections are refused. It is started again with exactly the command
 * line, environment and folder it ran with, under the stack's pid file, so `hotline down --test` still stops it.
 */
final class TestStackKafka {

    private final Path pidFile;
    private final int port;
    private List<String> command;
    private Map<String, String> environment;
    private Path directory;

    private TestStackKafka(Path pidFile, int port) {
        this.pidFile = pidFile;
        this.port = port;
    }

    /** The broker of the test stack in {@code repo}, if it runs there and listens on {@code bootstrap}. */
    static Optional<TestStackKafka> find(Path repo, String bootstrap) {
        String dir = System.getenv("HOTLINE_TEST_STACK_DIR");
        Path stack = dir == null || dir.isBlank() ? repo.resolve("target/test-stack") : Path.of(dir);
        Path pidFile = stack.resolve("run/kafka.pid");
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        TestStackKafka kafka = new TestStackKafka(pidFile, port);
        return kafka.pid().filter(pid -> kafka.commandLine(pid).contains("kafka.Kafka") && listening(port))
                .map(pid -> kafka);
    }

    private Optional<Long> pid() {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).strip()))
                    .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private List<String> commandLine(long pid) {
        return Arrays.asList(read(Path.of("/proc", Long.toString(pid), "cmdline")).split("\0"));
    }

    boolean isRunning() {
        return pid().isPresent();
    }

    /** Stops the broker (TERM, as an operator or the machine going down would) and waits until it is gone. */
    void stop() {
        long pid = pid().orElseThrow(() -> new IllegalStateException("the test stack's Kafka does not run"));
        command = commandLine(pid);
        environment = new LinkedHashMap<>();
        for (String entry : read(Path.of("/proc", Long.toString(pid), "environ")).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                environment.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        try {
            directory = Path.of("/proc", Long.toString(pid), "cwd").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessHandle broker = ProcessHandle.of(pid).orElseThrow();
        broker.destroy();
        await("the test stack's Kafka stopped").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> !broker.isAlive() && !listening(port));
    }

    /** Starts it again as it ran, in a session of its own with its pid in the stack's pid file, and waits for it. */
    void start() {
        if (command == null) {
            throw new IllegalStateException("not stopped by this test");
        }
        List<String> launch = new ArrayList<>(List.of("setsid", "bash", "-c", "echo $$ >\"$0\"; exec \"$@\"",
                pidFile.toString()));
        launch.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(launch).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Path out = pidFile.getParent().resolveSibling("logs/kafka.out");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        try {
            builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("the test stack's Kafka listening again").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500)).until(() -> listening(port));
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
