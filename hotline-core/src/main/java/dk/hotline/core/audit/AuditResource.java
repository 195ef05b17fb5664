package dk.hotline.core.audit;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.platform.problem.QueryParameters;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The supervisor's view of the audit trail. */
@Cancellable(false)
@Path("/api/audit")
@Tag(name = "Audit")
public class AuditResource {

    static final int MAX_PAGE = 1000;

    @GET
    @RolesAllowed("supervisor")
    @WithSession
    @Operation(summary = "Audit entries, newest first, filtered by record, actor and time")
    public Uni<List<AuditEntry>> search(@QueryParam("recordType") String recordType, @QueryParam("recordId") String recordId,
                                        @QueryParam("actor") String actor, @QueryParam("from") String from,
                                        @QueryParam("to") String to, @QueryParam("limit") String limit) {
        int size = QueryParameters.intInRange("limit", limit, 100, 1, MAX_PAGE);
        Instant since = QueryParameters.instant("from", from, null);
        Instant until = QueryParameters.instant("to", to, null);
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (recordType != null) {
            where.add("recordType = :recordType");
            params.and("recordType", recordType);
        }
        if (recordId != null) {
            where.add("recordId = :recordId");
            params.and("recordId", recordId);
        }
        if (actor != null) {
            where.add("actor = :actor");
            params.and("actor", actor);
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
        return AuditEntry.<AuditEntry>find(query, params).page(0, size).list();
    }
}
