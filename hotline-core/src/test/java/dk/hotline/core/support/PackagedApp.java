package dk.hotline.core.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * hotline-core as built by {@code mvn package} ({@code target/quarkus-app/quarkus-run.jar}),
 * run as its own JVM against the real PostgreSQL and Kafka. The process is the
 * JVM itself (no shell in between), so {@link #kill()} is a SIGKILL of the app.
 */
public final class PackagedApp implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    /** Core's JVM options as everywhere it runs: {@code deploy/jvm/hotline-core.options} (the benchmark may pass others). */
    public static final Path JVM_OPTIONS = Path.of("..", "deploy", "jvm", "hotline-core.options");

    private final Map<String, String> env;
    private final int port;
    private Path jar = JAR;
    private List<String> jvmOptions = List.of("@" + JVM_OPTIONS.toAbsolutePath().normalize());
    private final Path logDir;
    private Process process;
    private int starts;

    public PackagedApp(String database, String referralsTopic, String publicKey, Path logDir) {
        this.port = freePort();
        this.logDir = logDir;
        this.env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("HOTLINE_PG_PORT", envOr("HOTLINE_PG_PORT", "55432"));
        env.put("HOTLINE_KAFKA_BOOTSTRAP", envOr("HOTLINE_KAFKA_BOOTSTRAP", "127.0.0.1:59092"));
        env.put("HOTLINE_PG_DATABASE", database);
        env.put("HOTLINE_REFERRALS_TOPIC", referralsTopic);
        // Its own calls topic, so that the app does not consume anyone else's calls.
        env.put("HOTLINE_CALLS_TOPIC", referralsTopic + ".calls");
        // Tokens are checked against this key alone: no Keycloak in the loop.
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", "");
        env.put("QUARKUS_OIDC_PUBLIC_KEY", publicKey);
        env.put("QUARKUS_LOG_CONSOLE_LEVEL", "INFO");
        // The whole burst comes from one address; the per-client limit is for browsers, not for this load.
        env.put("HOTLINE_RATE_LIMIT_BURST", "100000");
        env.put("HOTLINE_RATE_LIMIT_PER_SECOND", "100000");
        // The prod profile has no data key of its own: the environment gives one, as in production.
        env.put("HOTLINE_DATA_KEYS", "crash1:vInW83/q9f22qeEIv2h2lGzVaYvArpaQrkLmqY1VQY4=");
        env.put("HOTLINE_DATA_KEY_CURRENT", "crash1");
        env.put("HOTLINE_EVENT_KEYS", "crashev1:Q2hvb3NlIGEgcmVhbCBrZXkgaW4gcHJvZHVjdGlvbiE=");
        env.put("HOTLINE_EVENT_KEY_CURRENT", "crashev1");
        // The screens' browser session secrets, required in production (docs/operations.md); test values.
        env.put("HOTLINE_WEB_STATE_SECRET", "crash-test-only-state-secret-0123456789");
        env.put("HOTLINE_WEB_SESSION_SECRET", "crash-test-only-session-secret-0123456789");
    }

    /** One more environment variable for the app (set before {@link #start()}). */
    public PackagedApp with(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Runs another build of the app (a before/after in one session), e.g. a copy of {@code target/quarkus-app}. */
    public PackagedApp jar(Path quarkusRunJar) {
        this.jar = quarkusRunJar;
        return this;
    }

    /** JVM options instead of {@link #JVM_OPTIONS}'s (heap, GC, GC log). */
    public PackagedApp jvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    public static boolean isBuilt() {
        return Files.isRegularFile(JAR);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn package first");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        starts++;
        File log = logDir.resolve("hotline-core-run-" + starts + ".log").toFile();
        builder.redirectOutput(log);
        try {
            Files.createDirectories(logDir);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("hotline-core exited with " + process.exitValue() + "; see " + log);
            }
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        });
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
