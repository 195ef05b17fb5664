package dk.hotline.core.http;

import dk.hotline.core.events.ProcessedEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays a resource whose transaction is still open when its client leaves: it writes a row, tells the test it is
 * inside the transaction, and commits only when the test lets it go. Carries the same {@code @Cancellable(false)} as
 * every real resource (ResourceRules).
 */
@Cancellable(false)
@Path("/test/slow-write")
public class SlowWriteResource {

    /** Completed by the resource once its row is written; completed by the test to let the transaction end. */
    static final Map<String, CompletableFuture<Void>> INSIDE = new ConcurrentHashMap<>();
    static final Map<String, CompletableFuture<Void>> RELEASE = new ConcurrentHashMap<>();

    @POST
    @Path("{id}")
    @PermitAll
    public Uni<String> write(@PathParam("id") String id) {
        // The test lets the transaction go from its own thread; the rest of it must run on this request's Vert.x context.
        Context context = Vertx.currentContext();
        return Panache.withTransaction(() -> {
            ProcessedEvent row = new ProcessedEvent();
            row.eventId = id;
            row.consumer = "test.slow-write";
            row.processedAt = Instant.now();
            return row.persist().call(ignored -> Panache.flush())
                    .invoke(() -> INSIDE.computeIfAbsent(id, k -> new CompletableFuture<>()).complete(null))
                    .chain(() -> Uni.createFrom().completionStage(RELEASE.computeIfAbsent(id, k -> new CompletableFuture<>())))
                    .emitOn(task -> context.runOnContext(ignored -> task.run()))
                    .replaceWith(id);
        });
    }
}
