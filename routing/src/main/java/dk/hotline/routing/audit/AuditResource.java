package dk.hotline.routing.audit;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.platform.problem.QueryParameters;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The supervisor's view of who read or acted on which referral in routing. */
@Cancellable(false)
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @GET
    @RolesAllowed("supervisor")
    @WithSession
    @Operation(summary = "Audit entries, newest first, filtered by referral, actor, organisation and time")
    public Uni<List<AuditEntryEntity>> search(@QueryParam("recordId") String recordId, @QueryParam("actor") String actor,
                                              @QueryParam("organisation") String organisation,
                                              @QueryParam("from") String from, @QueryParam("to") String to,
                                              @QueryParam("limit") String limit) {
        int size = QueryParameters.intInRange("limit", limit, 100, 1, 1000);
        Instant since = QueryParameters.instant("from", from, null);
        Instant until = QueryParameters.instant("to", to, null);
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
        if (since != null) {
            where.add("at >= :from");
            params.and("from", since);
        }
        if (until != null) {
            where.add("at < :to");
            params.and("to", until);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc";
        return AuditEntryEntity.<AuditEntryEntity>find(query, params).page(0, size).list();
    }
}
