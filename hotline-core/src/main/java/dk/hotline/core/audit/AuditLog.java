package dk.hotline.core.audit;

import dk.hotline.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import dk.hotline.platform.audit.AuditTrail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Core's actions on the shared audit trail ({@link AuditTrail}), and the reason a supervisor gives to read across
 * sites. Records who touched which personal record. Call it inside the transaction of
 * the read or write it describes: if the audit entry cannot be written, the
 * personal data is not handed out either.
 */
@ApplicationScoped
public class AuditLog {

    /** Header by which a supervisor states why they read across sites. */
    public static final String REASON_HEADER = "X-Access-Reason";
    public static final int REASON_MAX = 500;

    private final AuditTrail trail;

    public AuditLog(AuditTrail trail) {
        this.trail = trail;
    }

    public Uni<Void> record(SecurityIdentity who, AuditAction action, String recordType, Object recordId, String reason) {
        return record(who.getPrincipal().getName(), AuditTrail.roleOf(who), action, recordType, recordId, reason);
    }

    /** For the system's own work (retention), where there is no caller. */
    public Uni<Void> record(String actor, String role, AuditAction action, String recordType, Object recordId, String reason) {
        return trail.record(actor, role, null, action.name(), recordType, recordId, reason);
    }

    /** One entry per record, written together (a list read). */
    public Uni<Void> recordAll(String actor, String role, AuditAction action, String recordType, List<?> recordIds, String reason) {
        return trail.recordAll(actor, role, action.name(), recordType, recordIds, reason);
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
}
