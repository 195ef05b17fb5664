package dk.hotline.routing.webhook;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import dk.hotline.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The supervisors' dead-letter view: webhook deliveries that ran out of attempts (redelivered by hand), and referral
 * records the consumer could never route, which went to the dead-letter topic with their reason.
 */
@Path("/api/supervisor/dead-letters")
@RolesAllowed("supervisor")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    public record DeadLetter(long id, String referralId, String organisationId, int attempts, Integer lastStatus,
                             String lastError, Instant createdAt, Instant deadAt) {
        static DeadLetter of(WebhookDeliveryEntity d) {
            return new DeadLetter(d.id, d.referralId, d.organisationId, d.attempts, d.lastStatus, d.lastError,
                    d.createdAt, d.deadAt);
        }
    }

    /** A referral record sent to the dead-letter topic: where it was, its ids and why (never its content). */
    public record DeadLetteredEvent(long id, String topic, int partition, long offset, String key, String eventId,
                                    String eventType, String reason, String deadLetterTopic, Instant receivedAt) {
    }

    private final Clock clock;
    private final Pool pool;

    public DeadLetterResource(Clock clock, Pool pool) {
        this.clock = clock;
        this.pool = pool;
    }

    @GET
    @Path("/events")
    public Uni<List<DeadLetteredEvent>> events() {
        return pool.query("""
                        SELECT id, topic, record_partition, record_offset, record_key, event_id, event_type, reason,
                               dead_letter_topic, received_at
                          FROM dead_lettered_event ORDER BY id DESC LIMIT 500""").execute()
                .map(rows -> {
                    List<DeadLetteredEvent> out = new java.util.ArrayList<>();
                    for (Row r : rows) {
                        out.add(new DeadLetteredEvent(r.getLong("id"), r.getString("topic"), r.getInteger("record_partition"),
                                r.getLong("record_offset"), r.getString("record_key"), r.getString("event_id"),
                                r.getString("event_type"), r.getString("reason"), r.getString("dead_letter_topic"),
                                r.getOffsetDateTime("received_at").toInstant()));
                    }
                    return out;
                });
    }

    @GET
    @WithSession
    public Uni<List<DeadLetter>> list() {
        return WebhookDeliveryEntity.<WebhookDeliveryEntity>list("state = ?1 order by deadAt", WebhookDeliveryEntity.DEAD)
                .map(list -> list.stream().map(DeadLetter::of).toList());
    }

    /** Puts a dead delivery back in the queue with a fresh set of attempts, due now. */
    @POST
    @Path("/{id}/redeliver")
    @WithTransaction
    public Uni<DeadLetter> redeliver(@PathParam("id") long id) {
        return WebhookDeliveryEntity.<WebhookDeliveryEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("dead letter " + id))
                .map(d -> {
                    if (!WebhookDeliveryEntity.DEAD.equals(d.state)) {
                        throw ProblemException.notFound("dead letter " + id);
                    }
                    d.state = WebhookDeliveryEntity.PENDING;
                    d.attempts = 0;
                    d.deadAt = null;
                    d.nextAttemptAt = clock.instant();
                    return DeadLetter.of(d);
                });
    }
}
