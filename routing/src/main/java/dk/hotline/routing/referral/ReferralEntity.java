package dk.hotline.routing.referral;

import dk.hotline.platform.crypto.EncryptedText;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A referral as routing received and routed it. Personal fields are kept only for the recipient's inbox. */
@Entity
@Table(name = "referral")
public class ReferralEntity extends PanacheEntityBase {
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
    @Convert(converter = EncryptedText.class)
    public String description;
    @Convert(converter = EncryptedText.class)
    @Column(name = "caller_name")
    public String callerName;
    @Convert(converter = EncryptedText.class)
    @Column(name = "caller_phone")
    public String callerPhone;
    @Convert(converter = EncryptedText.class)
    @Column(name = "caller_email")
    public String callerEmail;
    @Column(name = "recipient_id")
    public String recipientId;
    @Column(name = "recipient_name")
    public String recipientName;
    @Column(name = "routing_rule")
    public String routingRule;
    public String explanation;
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
    @Convert(converter = EncryptedText.class)
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "overdue_at")
    public Instant overdueAt;
}
