package dk.hotline.core.audit;

import dk.hotline.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;

/**
 * Records who touched which personal record. Call it inside the transaction of
 * the read or write it describes: if the audit entry cannot be written, the
 * personal data is not handed out either.
 */
@ApplicationScoped
public class AuditLog {

    /** Header by which a supervisor states why they read across sites. */
    public static final String REASON_HEADER = "X-Access-Reason";
    public static final int REASON_MAX = 500;

    private static final List<String> ROLES_BY_RANK = List.of("supervisor", "rotation-admin", "advisor", "recipient", "service");

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> record(SecurityIdentity who, AuditAction action, String recordType, Object recordId, String reason) {
        return record(who.getPrincipal().getName(), roleOf(who), action, recordType, recordId, reason);
    }

    /** For the system's own work (retention), where there is no caller. */
    public Uni<Void> record(String actor, String role, AuditAction action, String recordType, Object recordId, String reason) {
        return entry(actor, role, action, recordType, recordId, reason).persist().replaceWithVoid();
    }

    /** One entry per record, written together (a list read). */
    public Uni<Void> recordAll(String actor, String role, AuditAction action, String recordType, List<?> recordIds, String reason) {
        if (recordIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<AuditEntry> entries = recordIds.stream().map(id -> entry(actor, role, action, recordType, id, reason)).toList();
        return AuditEntry.persist(entries);
    }

    private AuditEntry entry(String actor, String role, AuditAction action, String recordType, Object recordId, String reason) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.instant();
        entry.actor = actor;
        entry.actorRole = role;
        entry.action = action.name();
        entry.recordType = recordType;
        entry.recordId = String.valueOf(recordId);
        entry.reason = reason;
        return entry;
    }

    /**
     * The reason a supervisor must give to read personal records outside their
     * own site; 400 naming the header when it is missing or too long.
     */
    public static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badField(REASON_HEADER, "is required: say why you read this record (it is audited)");
        }
        if (reason.length() > REASON_MAX) {
            throw ProblemException.badField(REASON_HEADER, "must be at most " + REASON_MAX + " characters");
        }
        return reason.strip();
    }

    static String roleOf(SecurityIdentity who) {
        return ROLES_BY_RANK.stream().filter(who::hasRole).findFirst().orElse("none");
    }
}
