package dk.hotline.core.contact;

import dk.hotline.core.staff.StaffMember;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.core.advice.domain.AdviceLog;
import dk.hotline.core.advice.domain.FieldProblem;
import dk.hotline.core.advice.domain.LogRules;
import dk.hotline.core.audit.AuditAction;
import dk.hotline.core.audit.AuditLog;
import dk.hotline.core.call.CallRecord;
import dk.hotline.core.contact.domain.Channel;
import dk.hotline.core.contact.domain.ContactStatus;
import dk.hotline.platform.problem.Problem;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.core.reference.Municipalities;
import dk.hotline.core.referral.ReferralRequest;
import dk.hotline.core.referral.ReferralService;
import dk.hotline.core.referral.ReferralSource;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Contacts and their advice logs: drafts that autosave, finalising (after
 * which a log changes only by amendment), and the referral that may follow.
 * Every method owns its transaction; a failure changes nothing. Every read
 * and change of a log is audited in the same transaction: no entry, no data.
 */
@ApplicationScoped
public class ContactService {

    /** A finalised log, with the referral made in the same transaction (or null). */
    public record Finalised(Contact contact, ReferralService.Created referral) {
    }

    /** The audit log's name for these records. */
    public static final String RECORD = "contact";

    private final ReferralService referrals;
    private final Municipalities municipalities;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditLog audit;

    public ContactService(ReferralService referrals, Municipalities municipalities, ObjectMapper json, Clock clock, AuditLog audit) {
        this.referrals = referrals;
        this.municipalities = municipalities;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * The draft for a call just connected to an advisor; runs in the call
     * consumer's transaction. Answers null when the call already has one.
     */
    public Uni<Contact> openDraftForCall(CallRecord call, Site site, Line line) {
        return Contact.count("callId", call.callId).flatMap(existing -> {
            if (existing > 0) {
                return Uni.createFrom().nullItem();
            }
            Contact draft = newDraft(Channel.HOTLINE_CALL, line, site);
            draft.callId = call.callId;
            draft.advisorEndpoint = call.advisorEndpoint;
            return draft.<Contact>persist()
                    .call(c -> audit.record("system:calls", "service", AuditAction.CREATE, RECORD, c.id, "call " + call.callId + " connected"));
        });
    }

    /** A contact that did not come through the telephony system (e-mail, a call taken outside it...). */
    @WithTransaction
    public Uni<Contact> open(StaffMember staff, Channel channel) {
        Site site = staff.advisorSite();
        Line line = staff.handOpenedLine();
        if (channel == Channel.HOTLINE_CALL) {
            throw ProblemException.unprocessable("Hotline calls get their draft from the telephony system",
                    List.of(new Problem.FieldError("channel", "HOTLINE_CALL contacts are opened by the call itself; choose another channel")));
        }
        Contact draft = newDraft(channel, line, site);
        draft.advisorEndpoint = staff.endpoint();
        draft.createdBy = staff.name();
        return draft.<Contact>persist().call(c -> audit.record(staff.name(), staff.role(), AuditAction.CREATE, RECORD, c.id, null));
    }

    /** One log, for reading; the read is audited (with the reason a supervisor gave). */
    @WithTransaction
    public Uni<Contact> visible(UUID id, StaffMember staff) {
        return Contact.<Contact>findById(id).call(c -> {
            if (c == null || !staff.maySee(c.site, c.sharedSite)) {
                throw ProblemException.notFound("Contact " + id);
            }
            return audit.record(staff.name(), staff.role(), AuditAction.READ, RECORD, c.id, staff.auditReason(c.site));
        });
    }

    @WithTransaction
    public Uni<Contact> patch(UUID id, StaffMember staff, ContactPatch patch) {
        return patch(id, staff, patch, null);
    }

    /**
     * Autosave that refuses to overwrite: with {@code expectedVersion}, a log changed since that version (another
     * tab, another advisor) answers 409 {@code stale-version} and nothing is changed.
     */
    @WithTransaction
    public Uni<Contact> patch(UUID id, StaffMember staff, ContactPatch patch, Long expectedVersion) {
        return writable(id, staff).map(contact -> {
            if (expectedVersion != null && contact.status != ContactStatus.FINAL && contact.version != expectedVersion) {
                throw ProblemException.conflict("stale-version", "Changed since you loaded it",
                        "The log is at version " + contact.version + ", not " + expectedVersion + "; nothing was changed",
                        List.of(new Problem.FieldError("version", "is " + contact.version)));
            }
            if (contact.status == ContactStatus.FINAL) {
                throw ProblemException.conflict("log-final", "The log is final",
                        "A finalised log cannot be edited; correct it with an amendment (POST .../amendments with a reason)",
                        List.of(new Problem.FieldError("status", "is FINAL")));
            }
            AdviceLog changed = patch.applyTo(contact.log());
            reject("The change breaks", checked(changed, LogRules.consistency(changed)));
            contact.setLog(changed);
            touch(contact, staff);
            return contact;
        }).call(ContactService::flush)
                .call(c -> audit.record(staff.name(), staff.role(), AuditAction.UPDATE, RECORD, c.id, null))
                .onFailure(ContactService::isStale).transform(e -> stale());
    }

    /** Finalises the log and, if asked in the same request, hands it on: all in one transaction. */
    @WithTransaction
    public Uni<Finalised> finalise(UUID id, StaffMember staff, ReferralRequest referral, String idempotencyKey) {
        return writable(id, staff).flatMap(contact -> {
            if (contact.status == ContactStatus.FINAL) {
                throw ProblemException.conflict("log-final", "The log is already final",
                        "This log was already finalised; nothing was changed",
                        List.of(new Problem.FieldError("status", "is FINAL")));
            }
            AdviceLog log = contact.log();
            reject("The log cannot be finalised:", checked(log, LogRules.problemsBeforeFinalising(log)));
            contact.status = ContactStatus.FINAL;
            contact.finalisedAt = clock.instant();
            contact.finalisedBy = staff.name();
            touch(contact, staff);
            Uni<ReferralService.Created> handedOn = referral == null
                    ? Uni.createFrom().nullItem()
                    : referrals.create(referralSource(contact), staff, referral, idempotencyKey);
            return handedOn.call(ignored -> flush())
                    .call(ignored -> audit.record(staff.name(), staff.role(), AuditAction.FINALISE, RECORD, contact.id, null))
                    .map(created -> new Finalised(contact, created));
        }).onFailure(ContactService::isStale).transform(e -> stale());
    }

    @WithTransaction
    public Uni<ReferralService.Created> refer(UUID id, StaffMember staff, ReferralRequest request, String idempotencyKey) {
        return writable(id, staff).flatMap(contact -> referrals.create(referralSource(contact), staff, request, idempotencyKey));
    }

    /** A correction of a final log; the log shows the corrected values and keeps who, when, why and what was before. */
    @WithTransaction
    public Uni<ContactAmendment> amend(UUID id, StaffMember staff, String reason, ContactPatch changes) {
        return Contact.<Contact>findById(id).flatMap(contact -> {
            if (contact == null || !(staff.mayWrite(contact.site, contact.sharedSite) || staff.supervisor())) {
                throw ProblemException.notFound("Contact " + id);
            }
            if (contact.status != ContactStatus.FINAL) {
                throw ProblemException.conflict("log-not-final", "The log is still a draft",
                        "A draft is changed with PATCH; amendments are for finalised logs",
                        List.of(new Problem.FieldError("status", "is DRAFT")));
            }
            AdviceLog before = contact.log();
            AdviceLog after = changes.applyTo(before);
            if (after.equals(before)) {
                throw ProblemException.unprocessable("The amendment changes nothing",
                        List.of(new Problem.FieldError("changes", "changes nothing in the log")));
            }
            reject("The amended log would be incomplete:", checked(after, LogRules.problemsBeforeFinalising(after)));
            contact.setLog(after);
            touch(contact, staff);
            ContactAmendment amendment = new ContactAmendment();
            amendment.id = UUID.randomUUID();
            amendment.contactId = contact.id;
            amendment.amendedAt = contact.updatedAt;
            amendment.amendedBy = staff.name();
            amendment.reason = reason;
            amendment.beforeJson = write(before);
            amendment.afterJson = write(after);
            return amendment.<ContactAmendment>persist().call(ignored -> flush())
                    .call(a -> audit.record(staff.name(), staff.role(), AuditAction.AMEND, RECORD, contact.id, null));
        }).onFailure(ContactService::isStale).transform(e -> stale());
    }

    @WithSession
    public Uni<List<ContactAmendment>> amendments(UUID contactId) {
        return ContactAmendment.list("contactId", Sort.by("amendedAt"), contactId);
    }

    /**
     * Advisors: their own site's contacts (optionally only theirs); supervisors:
     * their own site, or every site when they give a reason. Newest first, at
     * most 200; each log listed is an audited read.
     */
    @WithTransaction
    public Uni<List<Contact>> list(StaffMember staff, ContactStatus status, boolean mine) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (!staff.readsAllSites()) {
            query.append(" and (site = :site or sharedSite = :site)");
            params.and("site", staff.supervisor() ? staff.site() : staff.advisorSite());
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (mine) {
            query.append(" and advisorEndpoint = :endpoint");
            params.and("endpoint", staff.endpoint() == null ? "" : staff.endpoint());
        }
        String reason = staff.readsAllSites() ? AuditLog.requireReason(staff.reason()) : null;
        return Contact.<Contact>find(query + " order by createdAt desc", params).page(0, 200).<Contact>list()
                .call(list -> audit.recordAll(staff.name(), staff.role(), AuditAction.READ, RECORD,
                        list.stream().map(c -> c.id).toList(), reason));
    }

    /** The call a contact came from (null for contacts opened without the telephony system). */
    @WithSession
    public Uni<CallRecord> callOf(Contact contact) {
        return contact.callId == null ? Uni.createFrom().nullItem() : CallRecord.findById(contact.callId);
    }

    /**
     * The earlier contacts of the same caller (same caller hash, which is dropped after its retention), newest
     * first. Listing them reads no log; opening one is the audited read of {@link #visible}.
     */
    @WithSession
    public Uni<List<Contact>> earlierContactsOfCaller(CallRecord call) {
        if (call == null || call.callerHash == null) {
            return Uni.createFrom().item(List.of());
        }
        return Contact.list("callId in (select r.callId from CallRecord r where r.callerHash = ?1 and r.callId <> ?2) "
                + "order by createdAt desc", call.callerHash, call.callId);
    }

    /** The drafts still open for an advisor's endpoint, oldest first (replayed when their event stream connects). */
    @WithSession
    public Uni<List<Contact>> openDraftsOf(String endpoint) {
        return Contact.list("advisorEndpoint = ?1 and status = ?2 order by createdAt", endpoint, ContactStatus.DRAFT);
    }

    /** The advisors who held this contact's call, in order (empty when it never was handed on). */
    @WithSession
    public Uni<List<ContactAdvisor>> advisorsOf(UUID contactId) {
        return ContactAdvisor.list("contactId = ?1 order by joinedAt", contactId);
    }

    /**
     * A log this advisor may change: their site's or one handed on to it, and not a draft whose call they handed on to
     * a colleague (409 {@code handed-on}: the draft is the receiver's now, see docs/decisions/call-transfer.md).
     */
    private Uni<Contact> writable(UUID id, StaffMember staff) {
        Site site = staff.advisorSite();
        return Contact.<Contact>findById(id).call(c -> {
            if (c == null || (c.site != site && c.sharedSite != site)) {
                throw ProblemException.notFound("Contact " + id);
            }
            if (c.status == ContactStatus.FINAL || staff.endpoint() == null || staff.endpoint().equals(c.advisorEndpoint)) {
                return Uni.createFrom().voidItem();
            }
            return ContactAdvisor.count("contactId = ?1 and advisorEndpoint = ?2 and handedOnAt is not null", c.id, staff.endpoint())
                    .invoke(handedOn -> {
                        if (handedOn > 0) {
                            throw handedOn();
                        }
                    });
        });
    }

    /** The answer to the first advisor's change of a draft whose call they handed on. */
    public static ProblemException handedOn() {
        return ProblemException.conflict("handed-on", "The call was handed on",
                "You handed this call on to a colleague; the draft is theirs now and you can only read it",
                List.of(new Problem.FieldError("advisorEndpoint", "is the receiving advisor's")));
    }

    private Contact newDraft(Channel channel, Line line, Site site) {
        Contact draft = new Contact();
        draft.id = UUID.randomUUID();
        draft.channel = channel;
        draft.line = line;
        draft.site = site;
        draft.status = ContactStatus.DRAFT;
        draft.createdAt = clock.instant();
        draft.updatedAt = draft.createdAt;
        return draft;
    }

    private void touch(Contact contact, StaffMember staff) {
        contact.updatedAt = clock.instant();
        contact.updatedBy = staff.name();
    }

    private List<FieldProblem> checked(AdviceLog log, List<FieldProblem> problems) {
        List<FieldProblem> all = new ArrayList<>(problems);
        if (log.municipalityCode() != null && !municipalities.isKnown(log.municipalityCode())) {
            all.add(new FieldProblem("municipalityCode", Municipalities.UNKNOWN));
        }
        return all;
    }

    private static void reject(String what, List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ProblemException.unprocessable(what + " " + problems.size() + " problem(s); nothing was changed",
                    problems.stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList());
        }
    }

    private String write(AdviceLog log) {
        try {
            return json.writeValueAsString(log);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An advice log cannot be written as JSON", e);
        }
    }

    private static Uni<Void> flush() {
        return Panache.getSession().flatMap(s -> s.flush());
    }

    private static boolean isStale(Throwable e) {
        return e instanceof OptimisticLockException || e instanceof StaleStateException
                || e.getCause() instanceof OptimisticLockException || e.getCause() instanceof StaleStateException;
    }

    private static ProblemException stale() {
        return ProblemException.conflict("concurrent-change", "Changed by someone else at the same time",
                "The log was changed by another request at the same time; reload it and try again", List.of());
    }

    /** What a referral takes from this log. */
    private static ReferralSource referralSource(Contact contact) {
        return new ReferralSource(contact.id, contact.status == ContactStatus.FINAL, contact.outcome, contact.municipalityCode,
                contact.ageBand, contact.concernCategory, contact.line, contact.site);
    }
}
