package dk.hotline.routing.referral;

import dk.hotline.platform.crypto.SealedColumn;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A referral as routing received and routed it. Personal fields are kept only for the recipient's inbox. */
@Entity
@Table(name = "referral")
public class ReferralEntity extends PanacheEntityBase {
    public static final SealedColumn DESCRIPTION = new SealedColumn("referral", "referral_id", "description");
    public static final SealedColumn CALLER_NAME = new SealedColumn("referral", "referral_id", "caller_name");
    public static final SealedColumn CALLER_PHONE = new SealedColumn("referral", "referral_id", "caller_phone");
    public static final SealedColumn CALLER_EMAIL = new SealedColumn("referral", "referral_id", "caller_email");
    public static final SealedColumn DECISION_REASON = new SealedColumn("referral", "referral_id", "decision_reason");
    public static final SealedColumn FORWARD_REASON = new SealedColumn("referral", "referral_id", "forward_reason");
    public static final SealedColumn OUTCOME_NOTE = new SealedColumn("referral", "referral_id", "outcome_note");

    @Id
    @Column(name = "referral_id")
    public String referralId;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "contact_id")
    public String contactId;
    public String line;
    @Column(name = "handled_by_site")
    public String handledBySite;
    public String severity;
    public boolean acute;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "deadline_at")
    public Instant deadlineAt;
    @Column(name = "municipality_code")
    public String municipalityCode;
    @Column(name = "age_band")
    public String ageBand;
    @Column(name = "concern_category")
    public String concernCategory;
    @Column(name = "legal_basis")
    public String legalBasis;
    /* Free text and the caller's contact are stored sealed to this row; field accesses go through the accessors. */
    public String description;
    @Column(name = "caller_name")
    public String callerName;
    @Column(name = "caller_phone")
    public String callerPhone;
    @Column(name = "caller_email")
    public String callerEmail;
    @Column(name = "recipient_id")
    public String recipientId;
    @Column(name = "recipient_name")
    public String recipientName;
    @Column(name = "routing_rule")
    public String routingRule;
    public String explanation;
    @Column(name = "routing_reason")
    public String routingReason;
    @Column(name = "reference_version")
    public String referenceVersion;
    @Column(name = "received_at")
    public Instant receivedAt;
    public String progress;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "overdue_at")
    public Instant overdueAt;
    /** The organisation that had it before it was forwarded here (the last forward). */
    @Column(name = "forwarded_from")
    public String forwardedFrom;
    @Column(name = "forwarded_at")
    public Instant forwardedAt;
    @Column(name = "forward_reason")
    public String forwardReason;
    /** A {@code RecipientOutcome} code once recorded. */
    public String outcome;
    @Column(name = "outcome_note")
    public String outcomeNote;
    @Column(name = "outcome_at")
    public Instant outcomeAt;

    public String getDescription() {
        return DESCRIPTION.open(referralId, description);
    }

    public void setDescription(String text) {
        description = DESCRIPTION.seal(referralId, text);
    }

    public String getCallerName() {
        return CALLER_NAME.open(referralId, callerName);
    }

    public void setCallerName(String name) {
        callerName = CALLER_NAME.seal(referralId, name);
    }

    public String getCallerPhone() {
        return CALLER_PHONE.open(referralId, callerPhone);
    }

    public void setCallerPhone(String phone) {
        callerPhone = CALLER_PHONE.seal(referralId, phone);
    }

    public String getCallerEmail() {
        return CALLER_EMAIL.open(referralId, callerEmail);
    }

    public void setCallerEmail(String email) {
        callerEmail = CALLER_EMAIL.seal(referralId, email);
    }

    public String getDecisionReason() {
        return DECISION_REASON.open(referralId, decisionReason);
    }

    public void setDecisionReason(String reason) {
        decisionReason = DECISION_REASON.seal(referralId, reason);
    }

    public String getForwardReason() {
        return FORWARD_REASON.open(referralId, forwardReason);
    }

    public void setForwardReason(String reason) {
        forwardReason = FORWARD_REASON.seal(referralId, reason);
    }

    public String getOutcomeNote() {
        return OUTCOME_NOTE.open(referralId, outcomeNote);
    }

    public void setOutcomeNote(String note) {
        outcomeNote = OUTCOME_NOTE.seal(referralId, note);
    }
}
