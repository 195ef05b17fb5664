package dk.hotline.routing.audit;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;

/**
 * Records who read or changed a referral. Call it inside the transaction of the read or change: if the entry cannot
 * be written, the referral is not handed out either.
 */
@ApplicationScoped
public class AuditTrail {

    public enum Action { READ, ACKNOWLEDGE, ACCEPT, REJECT, FORWARD, RECORD_OUTCOME, CONFIGURE }

    private static final List<String> ROLES_BY_RANK = List.of("supervisor", "recipient", "service");

    private final Clock clock;

    public AuditTrail(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> record(SecurityIdentity who, String organisation, Action action, String recordType, String recordId) {
        return record(who, organisation, action, recordType, recordId, null);
    }

    /** With why the actor did it ({@code null} when not given). */
    public Uni<Void> record(SecurityIdentity who, String organisation, Action action, String recordType, String recordId,
                            String reason) {
        AuditEntryEntity entry = new AuditEntryEntity();
        entry.at = clock.instant();
        entry.actor = who.getPrincipal().getName();
        entry.actorRole = ROLES_BY_RANK.stream().filter(who::hasRole).findFirst().orElse("none");
        entry.organisation = organisation;
        entry.action = action.name();
        entry.recordType = recordType;
        entry.recordId = recordId;
        entry.reason = reason;
        return entry.persist().replaceWithVoid();
    }
}
