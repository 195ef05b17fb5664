package dk.hotline.core.http;

import dk.hotline.core.events.ProcessedEvent;
import dk.hotline.core.support.OnVertx;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A client that disconnects mid-request does not cancel the request's transaction: it commits, and the pool stays whole. */
@QuarkusTest
class ClientDisconnectTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aTransactionCommitsAfterItsClientHasGone() throws Exception {
        String id = "disconnect-" + UUID.randomUUID();
        CompletableFuture<Void> inside = SlowWriteResource.INSIDE.computeIfAbsent(id, k -> new CompletableFuture<>());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /test/slow-write/" + id + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(30)).until(inside::isDone);
        } // the client leaves while the transaction is open
        SlowWriteResource.RELEASE.computeIfAbsent(id, k -> new CompletableFuture<>()).complete(null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(OnVertx.await(() -> Panache.withSession(() -> ProcessedEvent.<ProcessedEvent>findById(id)))).isNotNull());
    }
}
