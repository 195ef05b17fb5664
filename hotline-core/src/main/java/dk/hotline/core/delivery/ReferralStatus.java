package dk.hotline.core.delivery;

import dk.hotline.platform.crypto.EncryptedText;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One step in what became of a referral, as routing reported it (hotline.deliveries), one row per event. */
@Entity
@Table(name = "referral_status")
public class ReferralStatus extends PanacheEntityBase {

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

    /** The recipient's free-text reason (a rejection's, an escalation's): may hold personal data, so encrypted. */
    @Convert(converter = EncryptedText.class)
    public String reason;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "deadline_at")
    public Instant deadlineAt;

    @Column(name = "received_at")
    public Instant receivedAt;
}
