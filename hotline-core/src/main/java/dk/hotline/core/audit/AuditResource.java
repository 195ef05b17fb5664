package dk.hotline.core.audit;

import org.jboss.resteasy.reactive.server.Cancellable;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import dk.hotline.platform.audit.AuditEntry;
import dk.hotline.platform.audit.AuditTrail;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The supervisor's view of the audit trail. */
@Cancellable(false)
@Path("/api/audit")
@Tag(name = "Audit")
public class AuditResource {

    private final AuditTrail trail;

    public AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed("supervisor")
    @WithSession
    @Operation(summary = "Audit entries, newest first, filtered by record, actor and time")
    public Uni<List<AuditEntry>> search(@QueryParam("recordType") String recordType, @QueryParam("recordId") String recordId,
                                        @QueryParam("actor") String actor, @QueryParam("from") String from,
                                        @QueryParam("to") String to, @QueryParam("limit") String limit) {
        return trail.search(new AuditTrail.Search(recordType, recordId, actor, null, from, to, limit));
    }
}
