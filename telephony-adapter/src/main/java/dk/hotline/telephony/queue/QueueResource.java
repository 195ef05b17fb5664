package dk.hotline.telephony.queue;

import dk.hotline.telephony.call.domain.CallTracker;
import dk.hotline.telephony.queue.domain.QueueOverview;
import dk.hotline.telephony.routing.domain.QueuePresence;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The queues as the adapter knows them from AMI, for the supervisor board (core reads it with its own client
 * credentials, role {@code service}) and for the people who run the service. Ids and counts only.
 */
@Path("/api/telephony/queues")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    private final QueueOverview overview;

    public QueueResource(QueuePresence presence, CallTracker calls, Clock clock) {
        this.overview = new QueueOverview(presence, calls::lineOf, clock);
    }

    @GET
    @RolesAllowed({"supervisor", "rotation-admin", "service"})
    @Operation(summary = "Callers waiting per site queue and line, the longest wait, and advisors free, on a call, "
            + "paused or unavailable")
    public QueueOverview.Snapshot queues() {
        return overview.snapshot();
    }
}
