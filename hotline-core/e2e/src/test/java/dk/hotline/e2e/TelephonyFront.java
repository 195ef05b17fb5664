package dk.hotline.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in front of the packaged telephony adapter for core, over real HTTP on loopback: plays the adapter's transfer
 * API ({@code POST /api/telephony/calls/{callId}/transfer}: 202, remembering what core sent; the AMI peer has no
 * recorded transfer to play) and hands every other request to the real adapter as it came.
 */
final class TelephonyFront implements AutoCloseable {

    /** One transfer core asked for: the call, the body and whether it came with a bearer token. */
    record Transfer(String callId, String body, boolean bearer) {
    }

    private static final Pattern TRANSFER = Pattern.compile("/api/telephony/calls/([^/]+)/transfer");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding", "upgrade",
            "keep-alive", "expect");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String adapter;
    private final List<Transfer> transfers = new CopyOnWriteArrayList<>();

    TelephonyFront(String adapterUrl) {
        this.adapter = adapterUrl;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), ServiceProcess.freePort()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "telephony-front");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Transfer> transfers() {
        return List.copyOf(transfers);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Matcher transfer = TRANSFER.matcher(exchange.getRequestURI().getPath());
            if ("POST".equals(exchange.getRequestMethod()) && transfer.matches()) {
                transfers.add(new Transfer(transfer.group(1), new String(body, StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Authorization") != null));
                exchange.sendResponseHeaders(202, -1);
                return;
            }
            forward(exchange, body);
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adapter + exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(20))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            exchange.sendResponseHeaders(502, -1);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(503, -1);
            return;
        }
        answer.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] out = answer.body();
        exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
