package dk.hotline.core.delivery;

import dk.hotline.platform.crypto.SealedColumn;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One step in what became of a referral, as routing reported it (hotline.deliveries), one row per event. */
@Entity
@Table(name = "referral_status")
public class ReferralStatus extends PanacheEntityBase {

    /** The recipient's reason is sealed to its row (docs/decisions/shared-modules.md). */
    public static final SealedColumn REASON = new SealedColumn("referral_status", "event_id", "reason");

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "referral_id")
    public UUID referralId;

    public String status;

    @Column(name = "recipient_id")
    public String recipientId;

    @Column(name = "recipient_name")
    public String recipientName;

    /* The recipient's free-text reason (a rejection's, an escalation's): may hold personal data, so stored sealed
       to this row; field accesses go through the accessors. */
    public String reason;

    /** What came of an accepted referral (OUTCOME_RECORDED), a code such as CONFIRMED_CASE_STARTED; no free text. */
    public String outcome;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "deadline_at")
    public Instant deadlineAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    public String getReason() {
        return REASON.open(eventId, reason);
    }

    public void setReason(String text) {
        reason = REASON.seal(eventId, text);
    }
}
