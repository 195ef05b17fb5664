package dk.hotline.platform.audit;

import dk.hotline.platform.problem.QueryParameters;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records who touched which personal record, for every service, and searches the trail for supervisors. Call
 * {@link #record} inside the transaction of the read or write it describes: if the entry cannot be written, the
 * personal data is not handed out either. Each service names its own actions and record types.
 */
@ApplicationScoped
public class AuditTrail {

    /** The page size of a search, at most. */
    public static final int MAX_PAGE = 1000;

    private static final List<String> ROLES_BY_RANK = List.of("supervisor", "rotation-admin", "advisor", "recipient", "service");

    /** What a supervisor searches by; null fields do not filter. */
    public record Search(String recordType, String recordId, String actor, String organisation, String from, String to,
                         String limit) {
    }

    private final Clock clock;

    public AuditTrail(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> record(String actor, String role, String organisation, String action, String recordType,
                            Object recordId, String reason) {
        return entry(actor, role, organisation, action, recordType, recordId, reason).persist().replaceWithVoid();
    }

    /** One entry per record, written together (a list read). */
    public Uni<Void> recordAll(String actor, String role, String action, String recordType, List<?> recordIds, String reason) {
        if (recordIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return AuditEntry.persist(recordIds.stream().map(id -> entry(actor, role, null, action, recordType, id, reason)).toList());
    }

    /** The highest-ranking role the audit trail records for this identity. */
    public static String roleOf(SecurityIdentity who) {
        return ROLES_BY_RANK.stream().filter(who::hasRole).findFirst().orElse("none");
    }

    /** Newest first; a bad {@code from}, {@code to} or {@code limit} is a 400 naming it. Run it in a session. */
    public Uni<List<AuditEntry>> search(Search s) {
        int size = QueryParameters.intInRange("limit", s.limit(), 100, 1, MAX_PAGE);
        Instant from = QueryParameters.instant("from", s.from(), null);
        Instant to = QueryParameters.instant("to", s.to(), null);
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        filter(where, params, "recordType", s.recordType());
        filter(where, params, "recordId", s.recordId());
        filter(where, params, "actor", s.actor());
        filter(where, params, "organisation", s.organisation());
        if (from != null) {
            where.add("at >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.add("at < :to");
            params.and("to", to);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by at desc, id desc";
        return AuditEntry.<AuditEntry>find(query, params).page(0, size).list();
    }

    private static void filter(List<String> where, Parameters params, String field, String value) {
        if (value != null) {
            where.add(field + " = :" + field);
            params.and(field, value);
        }
    }

    private AuditEntry entry(String actor, String role, String organisation, String action, String recordType,
                             Object recordId, String reason) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.instant();
        entry.actor = actor;
        entry.actorRole = role;
        entry.organisation = organisation;
        entry.action = action;
        entry.recordType = recordType;
        entry.recordId = String.valueOf(recordId);
        entry.reason = reason;
        return entry;
    }
}
