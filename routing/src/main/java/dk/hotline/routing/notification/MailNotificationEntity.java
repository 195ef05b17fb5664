package dk.hotline.routing.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** An e-mail to an organisation's functional mailbox, still to send or sent. Holds ids only, no personal data. */
@Entity
@Table(name = "mail_notification")
public class MailNotificationEntity extends PanacheEntityBase {
    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String DEAD = "DEAD";

    public enum Kind { ARRIVED, DEADLINE_NEAR, OVERDUE }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_notification_ids")
    @SequenceGenerator(name = "mail_notification_ids", sequenceName = "mail_notification_ids", allocationSize = 50)
    public Long id;
    @Column(name = "referral_id")
    public String referralId;
    @Column(name = "organisation_id")
    public String organisationId;
    public String kind;
    public String state;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;

    public static MailNotificationEntity of(String referralId, String organisationId, Kind kind, Instant now) {
        MailNotificationEntity n = new MailNotificationEntity();
        n.referralId = referralId;
        n.organisationId = organisationId;
        n.kind = kind.name();
        n.state = PENDING;
        n.attempts = 0;
        n.nextAttemptAt = now;
        n.createdAt = now;
        return n;
    }
}
