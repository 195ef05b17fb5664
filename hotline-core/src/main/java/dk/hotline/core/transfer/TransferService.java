package dk.hotline.core.transfer;

import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.advice.domain.FieldProblem;
import dk.hotline.core.audit.AuditAction;
import dk.hotline.core.audit.AuditLog;
import dk.hotline.core.call.CallRecord;
import dk.hotline.core.call.domain.CallState;
import dk.hotline.core.contact.Contact;
import dk.hotline.core.staff.StaffMember;
import dk.hotline.platform.problem.Problem;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.core.transfer.domain.TransferRules;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Hands a live call on for the advisor holding it (docs/decisions/call-transfer.md). Only the advisor the call is
 * connected to may (their token's endpoint is the call's advisor endpoint); anyone else gets 403, and the attempt is
 * audited as REFUSED. The request is checked, then written with its sealed note and audited, then the telephony
 * adapter is asked: the row is marked accepted when it answers 202 and deleted (audited) when it does not, so a
 * transfer the telephony never took leaves nothing pending. The row is written first so that the CONNECTED of the
 * receiver, which may follow the adapter's answer within milliseconds, always finds it and its note.
 */
@ApplicationScoped
public class TransferService {

    /** The audit log's name for these records. */
    public static final String RECORD = "call_transfer";

    /** What an advisor asks for, as typed (the API's body or the console's form). */
    public record Request(String target, String site, String endpoint, String note) {
    }

    private final AdapterTransfer adapter;
    private final AuditLog audit;
    private final Clock clock;

    public TransferService(AdapterTransfer adapter, AuditLog audit, Clock clock) {
        this.adapter = adapter;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<CallTransfer> request(StaffMember staff, String callId, Request request) {
        staff.advisorSite();
        return Panache.withSession(() -> CallRecord.<CallRecord>findById(callId)).flatMap(call -> {
            if (call == null) {
                throw ProblemException.notFound("Call " + callId);
            }
            if (staff.endpoint() == null || !staff.endpoint().equals(call.advisorEndpoint)) {
                return Panache.withTransaction(() -> audit.record(staff.name(), staff.role(), AuditAction.REFUSED, RECORD, callId,
                                "transfer: not the advisor the call is connected to"))
                        .onItem().transformToUni(v -> Uni.createFrom().<CallTransfer>failure(new ProblemException(403,
                                "forbidden", "Forbidden", "Only the advisor the call is connected to may hand it on", List.of())));
            }
            Site callSite = Arrays.stream(Site.values()).filter(s -> s.name().equals(call.site)).findFirst().orElse(null);
            TransferRules.Checked checked = TransferRules.check(request.target(), request.site(), request.endpoint(),
                    request.note(), callSite, staff.endpoint());
            if (!checked.problems().isEmpty()) {
                FieldProblem first = checked.problems().get(0);
                throw new ProblemException(400, "invalid-input", "Invalid input", first.field() + ": " + first.message(),
                        checked.problems().stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList());
            }
            if (call.state != CallState.CONNECTED) {
                throw AdapterTransfer.notConnected();
            }
            return Panache.withTransaction(() -> pending(staff, call, checked))
                    .call(row -> adapter.transfer(callId, checked.order())
                            .onFailure().call(e -> Panache.withTransaction(() -> CallTransfer.deleteById(row.id)
                                    .call(() -> audit.record(staff.name(), staff.role(), AuditAction.DELETE, RECORD, row.id,
                                            "the telephony did not take it")))))
                    .call(row -> Panache.withTransaction(() -> CallTransfer.<CallTransfer>findById(row.id)
                            .invoke(r -> {
                                if (r != null) {
                                    r.acceptedAt = clock.instant();
                                }
                            })).invoke(r -> row.acceptedAt = r == null ? null : r.acceptedAt));
        });
    }

    private Uni<CallTransfer> pending(StaffMember staff, CallRecord call, TransferRules.Checked checked) {
        return Contact.<Contact>find("callId", call.callId).firstResult().flatMap(contact -> {
            CallTransfer row = new CallTransfer();
            row.id = UUID.randomUUID();
            row.callId = call.callId;
            row.contactId = contact == null ? null : contact.id;
            row.fromEndpoint = staff.endpoint();
            row.requestedBy = staff.name();
            row.target = checked.order().target();
            row.targetSite = checked.order().site();
            row.targetEndpoint = checked.order().endpoint();
            row.setNote(checked.order().note());
            row.requestedAt = clock.instant();
            return row.<CallTransfer>persist()
                    .call(r -> audit.record(staff.name(), staff.role(), AuditAction.CREATE, RECORD, r.id,
                            "call " + call.callId + " to " + r.target + (r.targetSite == null ? "" : " " + r.targetSite)
                                    + (r.targetEndpoint == null ? "" : " " + r.targetEndpoint)));
        });
    }

    /** The transfers of a contact's call that reached a receiver, oldest first (their notes open on access). */
    public Uni<List<CallTransfer>> connectedOf(UUID contactId) {
        return Panache.withSession(() -> CallTransfer.list("contactId = ?1 and connectedAt is not null order by connectedAt", contactId));
    }

    /** The transfer asked for and not yet connected, if any (the console shows it as on its way). */
    public Uni<CallTransfer> pendingOf(UUID contactId) {
        return Panache.withSession(() -> CallTransfer.<CallTransfer>find(
                "contactId = ?1 and connectedAt is null and acceptedAt is not null order by requestedAt desc", contactId).firstResult());
    }
}
