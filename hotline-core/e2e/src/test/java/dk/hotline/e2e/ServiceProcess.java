package dk.hotline.e2e;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One of the services as `mvn package` built it ({@code <module>/target/quarkus-app/quarkus-run.jar}),
 * run in its own JVM with the production profile, as `deploy/local/hotline up` runs it.
 */
final class ServiceProcess implements AutoCloseable {

    private final String module;
    private final int port;
    private final Path log;
    private Process process;

    private ServiceProcess(String module, int port, Path log) {
        this.module = module;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess start(Path repo, String module, Map<String, String> env, Path logDir) {
        Path jar = repo.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the matrix runs the packaged services; build the whole "
                    + "reactor (mvn verify at the root, or deploy/local/hotline test)");
        }
        int port = Integer.parseInt(env.get("QUARKUS_HTTP_PORT"));
        ServiceProcess service = new ServiceProcess(module, port, logDir.resolve(module + ".log"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The JVM options of everywhere the service runs (deploy/jvm). The GC log is kept beside the service's log: a
        // benchmark's tail is read against it.
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "@" + repo.resolve("deploy/jvm/" + module + ".options"),
                "-Xlog:gc:file=" + logDir.resolve(module + "-gc.log") + ":uptime", "-jar", jar.toString()));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        try {
            Files.createDirectories(logDir);
            builder.redirectOutput(service.log.toFile());
            service.process = builder.start();
            // An interrupted run (Ctrl-C, a killed build) must not leave services behind.
            Runtime.getRuntime().addShutdownHook(new Thread(service::close));
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + module, e);
        }
        return service;
    }

    void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await(module + " ready").atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + "; see " + log);
            }
            return http.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        });
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    File log() {
        return log.toFile();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
}
