package dk.hotline.routing.audit;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;


/**
 * Routing's actions on the shared audit trail ({@link dk.hotline.platform.audit.AuditTrail}). Records who read or
 * changed a referral. Call it inside the transaction of the read or change: if the entry cannot
 * be written, the referral is not handed out either.
 */
@ApplicationScoped
public class RoutingAudit {

    public enum Action { READ, ACKNOWLEDGE, ACCEPT, REJECT, FORWARD, RECORD_OUTCOME, CONFIGURE }

    private final dk.hotline.platform.audit.AuditTrail trail;

    public RoutingAudit(dk.hotline.platform.audit.AuditTrail trail) {
        this.trail = trail;
    }

    public Uni<Void> record(SecurityIdentity who, String organisation, Action action, String recordType, String recordId) {
        return trail.record(who.getPrincipal().getName(), dk.hotline.platform.audit.AuditTrail.roleOf(who), organisation,
                action.name(), recordType, recordId, null);
    }
}
