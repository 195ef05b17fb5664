package dk.hotline.core.contact;

import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.audit.AuditAction;
import dk.hotline.core.audit.AuditLog;
import dk.hotline.core.call.CallRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * A call handed on by its advisor connects to a colleague: the same draft goes with it. The contact's advisor becomes
 * the receiver; both advisors are kept on the log ({@link ContactAdvisor}); a receiver of the other site shares the
 * log with their site. Runs in the call event's transaction (see {@code CallConnected}).
 */
@ApplicationScoped
public class DraftHandover {

    /** The contact handed on, and from whom: what to announce to both once committed. */
    public record HandedOn(Contact contact, String fromEndpoint) {
    }

    private final AuditLog audit;
    private final Clock clock;

    public DraftHandover(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Null when the call has no contact yet (the caller then gets a draft of their own, as for a first connect). */
    public Uni<HandedOn> handOver(CallRecord call, Site receiverSite, String fromEndpoint) {
        return Contact.<Contact>find("callId", call.callId).firstResult().flatMap(contact -> {
            if (contact == null) {
                return Uni.createFrom().nullItem();
            }
            Instant now = clock.instant();
            String receiver = call.advisorEndpoint;
            return advisor(contact, fromEndpoint, contact.site, contact.createdAt)
                    .invoke(from -> from.handedOnAt = now)
                    .chain(() -> advisor(contact, receiver, receiverSite, now))
                    .invoke(to -> to.handedOnAt = null)
                    .invoke(() -> {
                        contact.advisorEndpoint = receiver;
                        if (receiverSite != contact.site) {
                            contact.sharedSite = receiverSite;
                        }
                    })
                    .call(() -> audit.record("system:calls", "service", AuditAction.UPDATE, ContactService.RECORD, contact.id,
                            "call " + call.callId + " handed on from " + fromEndpoint + " to " + receiver))
                    .replaceWith(new HandedOn(contact, fromEndpoint));
        });
    }

    private Uni<ContactAdvisor> advisor(Contact contact, String endpoint, Site site, Instant joined) {
        return ContactAdvisor.<ContactAdvisor>find("contactId = ?1 and advisorEndpoint = ?2", contact.id, endpoint).firstResult()
                .flatMap(found -> {
                    if (found != null) {
                        return Uni.createFrom().item(found);
                    }
                    ContactAdvisor row = new ContactAdvisor();
                    row.id = UUID.randomUUID();
                    row.contactId = contact.id;
                    row.advisorEndpoint = endpoint;
                    row.site = site;
                    row.joinedAt = joined;
                    return row.<ContactAdvisor>persist();
                });
    }
}
