package dk.hotline.routing.audit;

import org.jboss.resteasy.reactive.server.Cancellable;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import dk.hotline.platform.audit.AuditEntry;
import dk.hotline.platform.audit.AuditTrail;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The supervisor's view of who read or acted on which referral in routing. */
@Cancellable(false)
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditTrail trail;

    public AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed("supervisor")
    @WithSession
    @Operation(summary = "Audit entries, newest first, filtered by referral, actor, organisation and time")
    public Uni<List<AuditEntry>> search(@QueryParam("recordId") String recordId, @QueryParam("actor") String actor,
                                        @QueryParam("organisation") String organisation,
                                        @QueryParam("from") String from, @QueryParam("to") String to,
                                        @QueryParam("limit") String limit) {
        return trail.search(new AuditTrail.Search(null, recordId, actor, organisation, from, to, limit));
    }
}
