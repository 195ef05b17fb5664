package dk.hotline.core.referral;

import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.core.advice.domain.FieldProblem;
import dk.hotline.core.audit.AuditAction;
import dk.hotline.core.audit.AuditLog;
import dk.hotline.core.staff.StaffMember;
import dk.hotline.platform.events.EventFieldCipher;
import dk.hotline.core.outbox.Outbox;
import dk.hotline.core.outbox.OutboxEvent;
import dk.hotline.platform.problem.Problem;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.core.reference.Municipalities;
import dk.hotline.contracts.rules.Deadlines;
import dk.hotline.core.referral.domain.ReferralRules;
import dk.hotline.contracts.vocabulary.Severity;
import dk.hotline.contracts.vocabulary.Line;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Hands a finalised log on. The referral row and its CloudEvent (through the
 * outbox) are written in the caller's transaction: both commit or neither.
 * One referral per log, guarded by a unique constraint, so two racing
 * requests cannot both succeed.
 */
@ApplicationScoped
public class ReferralService {

    /** A new referral, or the one an earlier request with the same Idempotency-Key created. */
    public record Created(Referral referral, boolean replayed) {
    }

    /** The audit log's name for these records. */
    public static final String RECORD = "referral";

    private final Outbox outbox;
    private final Municipalities municipalities;
    private final Clock clock;
    private final String topic;
    private final AuditLog audit;
    private final EventFieldCipher eventFields;
    private final ReferralInsert insert;

    public ReferralService(Outbox outbox, Municipalities municipalities, Clock clock,
                           @ConfigProperty(name = "hotline.referrals.topic") String topic, AuditLog audit,
                           EventFieldCipher eventFields, ReferralInsert insert) {
        this.eventFields = eventFields;
        this.insert = insert;
        this.outbox = outbox;
        this.municipalities = municipalities;
        this.clock = clock;
        this.topic = topic;
        this.audit = audit;
    }

    /**
     * Must run inside a transaction, on a contact the caller may write to. The referral, its event and its audit entry
     * are one insert that does nothing when the log already has a referral or the Idempotency-Key was used; only then
     * is the earlier referral looked up, to tell a replay (the same answer again) from a conflict (409).
     */
    public Uni<Created> create(ReferralSource contact, StaffMember staff, ReferralRequest request, String idempotencyKey) {
        Referral referral;
        try {
            referral = validated(contact, staff, request, idempotencyKey);
        } catch (ProblemException invalid) {
            // A replay answers what the first request made, even if the log or the body would not pass any more.
            return replay(contact, idempotencyKey).map(earlier -> {
                if (earlier == null) {
                    throw invalid;
                }
                return earlier;
            });
        }
        OutboxEvent event = outbox.event(topic, referral.id.toString(), ReferralCreated.TYPE, referral.id.toString(),
                ReferralCreated.of(referral, eventFields));
        return insert.insert(referral, event, staff).flatMap(inserted -> inserted
                ? Uni.createFrom().item(new Created(referral, false))
                : replay(contact, idempotencyKey).map(earlier -> {
                    if (earlier == null) {
                        throw new DuplicateReferralException();
                    }
                    return earlier;
                }));
    }

    /** What an earlier request with this key made (null if none); 409 if that was a referral of another log. */
    private Uni<Created> replay(ReferralSource contact, String idempotencyKey) {
        return byIdempotencyKey(idempotencyKey).map(earlier -> {
            if (earlier == null) {
                return null;
            }
            if (!earlier.contactId.equals(contact.contactId())) {
                throw ProblemException.conflict("idempotency-key-reused", "Idempotency-Key already used",
                        "This Idempotency-Key was used for a referral of another log; nothing was changed",
                        List.of(new Problem.FieldError("Idempotency-Key", "was already used for another log")));
            }
            return new Created(earlier, true);
        });
    }

    /** One referral, for reading: advisors of its site and supervisors (with a reason outside their site); audited. */
    @WithTransaction
    public Uni<Referral> visible(UUID id, StaffMember staff) {
        return Referral.<Referral>findById(id).call(r -> {
            if (r == null || !staff.maySee(r.site)) {
                throw ProblemException.notFound("Referral " + id);
            }
            return audit.record(staff.name(), staff.role(), AuditAction.READ, RECORD, r.id, staff.auditReason(r.site));
        });
    }

    @WithSession
    public Uni<Referral> ofContact(UUID contactId) {
        return Referral.find("contactId", contactId).firstResult();
    }

    /** The referral an earlier request with this key created, or null. */
    @WithSession
    public Uni<Referral> byIdempotencyKey(String key) {
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        return Referral.find("idempotencyKey", key).firstResult();
    }

    private Referral validated(ReferralSource contact, StaffMember staff, ReferralRequest request, String idempotencyKey) {
        if (!contact.finalised()) {
            throw ProblemException.conflict("log-not-final", "The log is not final",
                    "A referral is made from a finalised log: finalise it first (or in the same request)",
                    List.of(new Problem.FieldError("status", "must be FINAL")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (contact.outcome() == null || !contact.outcome().allowsReferral()) {
            problems.add(new FieldProblem("outcome", "the log's outcome must be REFERRAL or ADVISED_TO_CALL_112"));
        }
        String municipality = request.municipalityCode() != null ? request.municipalityCode() : contact.municipalityCode();
        AgeBand ageBand = request.ageBand() != null ? request.ageBand() : contact.ageBand();
        boolean hasContact = request.callerContact() != null && !request.callerContact().isEmpty();
        problems.addAll(ReferralRules.problems(contact.line() == Line.COPENHAGEN_LOCAL, request.severity(), request.legalBasis(),
                municipality, ageBand, hasContact, request.description()));
        if (municipality != null && !municipalities.isKnown(municipality)) {
            problems.add(new FieldProblem("municipalityCode", Municipalities.UNKNOWN));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.unprocessable("The referral breaks " + problems.size() + " rule(s); nothing was changed",
                    problems.stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList());
        }
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.contactId = contact.contactId();
        r.idempotencyKey = idempotencyKey;
        r.line = contact.line();
        r.site = contact.site();
        r.severity = request.severity();
        r.acute = request.severity() == Severity.ACUTE;
        r.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        r.deadlineAt = Deadlines.due(request.severity(), r.createdAt);
        r.municipalityCode = municipality;
        r.ageBand = ageBand;
        r.concernCategory = contact.concernCategory();
        r.legalBasis = request.legalBasis();
        r.description = request.description();
        if (hasContact) {
            r.callerName = blankToNull(request.callerContact().name());
            r.callerPhone = blankToNull(request.callerContact().phone());
            r.callerEmail = blankToNull(request.callerContact().email());
        }
        r.createdBy = staff.name();
        return r;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
