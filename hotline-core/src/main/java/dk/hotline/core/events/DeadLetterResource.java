package dk.hotline.core.events;

import dk.hotline.platform.events.DeadLetterLedger;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.List;

/**
 * The supervisors' view of core's dead letters (as routing's): call and referral-status records core could not use,
 * and rotation schedules the telephony adapter could not use.
 */
@Cancellable(false)
@Path("/api/supervisor/dead-letters/events")
@Tag(name = "Supervision")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetterLedger ledger;

    public DeadLetterResource(DeadLetterLedger ledger) {
        this.ledger = ledger;
    }

    @GET
    @RolesAllowed("supervisor")
    @Operation(summary = "Records core's consumers and the telephony adapter's schedule replica sent to a dead-letter topic",
            description = "Newest first, at most 500: where each record was, its event id and type and why; never its content.")
    public Uni<List<DeadLetterLedger.DeadLetteredEvent>> events() {
        return ledger.recent();
    }
}
