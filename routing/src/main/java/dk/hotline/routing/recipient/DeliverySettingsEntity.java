package dk.hotline.routing.recipient;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** How an organisation receives referrals and where it is notified. No row means inbox only, no e-mail. */
@Entity
@Table(name = "delivery_settings")
public class DeliverySettingsEntity extends PanacheEntityBase {
    public static final String INBOX = "INBOX";
    public static final String WEBHOOK = "WEBHOOK";

    @Id
    @Column(name = "organisation_id")
    public String organisationId;
    public String mode;
    @Column(name = "webhook_url")
    public String webhookUrl;
    @Column(name = "webhook_secret")
    public String webhookSecret;
    /** The organisation's functional mailbox for notifications (a shared address, never a person's). */
    public String mailbox;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
