package dk.hotline.routing.audit;

import dk.hotline.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.List;

/** The supervisor's view of who read or acted on which referral in routing. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @GET
    @RolesAllowed("supervisor")
    @WithSession
    @Operation(summary = "Audit entries, newest first, filtered by referral, actor and organisation")
    public Uni<List<AuditEntryEntity>> search(@QueryParam("recordId") String recordId, @QueryParam("actor") String actor,
                                              @QueryParam("organisation") String organisation, @QueryParam("limit") Integer limit) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 1000) {
            throw ProblemException.badField("limit", "must be between 1 and 1000");
        }
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (recordId != null) {
            where.add("recordId = :recordId");
            params.and("recordId", recordId);
        }
        if (actor != null) {
            where.add("actor = :actor");
            params.and("actor", actor);
        }
        if (organisation != null) {
            where.add("organisation = :organisation");
            params.and("organisation", organisation);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc";
        return AuditEntryEntity.<AuditEntryEntity>find(query, params).page(0, size).list();
    }
}
