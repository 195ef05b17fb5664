package dk.hotline.routing.webhook;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.platform.events.DeadLetterLedger;
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
@Cancellable(false)
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

    private final Clock clock;
    private final DeadLetterLedger ledger;

    public DeadLetterResource(Clock clock, DeadLetterLedger ledger) {
        this.clock = clock;
        this.ledger = ledger;
    }

    @GET
    @Path("/events")
    public Uni<List<DeadLetterLedger.DeadLetteredEvent>> events() {
        return ledger.recent();
    }

    /** Also for core's supervisor board, which reads it with its own client credentials (role service). */
    @GET
    @WithSession
    @RolesAllowed({"supervisor", "service"})
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
