package dk.hotline.telephony.pbx;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** A service as `mvn package` built it, in its own JVM with the production profile, as `hotline up` runs it. */
final class PackagedService implements AutoCloseable {

    private final String module;
    private final int port;
    private final Path log;
    private Process process;

    private PackagedService(String module, int port, Path log) {
        this.module = module;
        this.port = port;
        this.log = log;
    }

    static Path jar(Path repo, String module) {
        return repo.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    static PackagedService start(Path repo, String module, Map<String, String> env, Path logDir) {
        int port = Integer.parseInt(env.get("QUARKUS_HTTP_PORT"));
        PackagedService service = new PackagedService(module, port, logDir.resolve(module + ".log"));
        service.launch(repo, env);
        return service;
    }

    private Map<String, String> env;
    private Path repo;

    private void launch(Path repo, Map<String, String> env) {
        this.repo = repo;
        this.env = new HashMap<>(env);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The JVM options of everywhere the service runs (deploy/jvm).
        ProcessBuilder builder = new ProcessBuilder(List.of(java,
                "@" + repo.resolve("deploy/jvm/" + module + ".options"), "-jar", jar(repo, module).toString()));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        try {
            Files.createDirectories(log.getParent());
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(this::close));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the health endpoint answers UP ({@code /q/health/ready} or {@code /q/health/well}). */
    void awaitUp(String health) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        // Six minutes: on the shared 2-core machine at a load of 25, core once took 205 s to start.
        await(module + " " + health).atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(module + " exited; see " + log);
                    }
                    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + health)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    boolean isUp(String health) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + health)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** Starts it again as it was (after {@link #close}). */
    void restart() {
        close();
        launch(repo, env);
    }
}
