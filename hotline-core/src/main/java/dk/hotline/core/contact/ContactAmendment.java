package dk.hotline.core.contact;

import dk.hotline.platform.crypto.EncryptedText;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A correction of a finalised log: who, when, why, and the log before and after (JSON). */
@Entity
@Table(name = "contact_amendment")
public class ContactAmendment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "amended_at")
    public Instant amendedAt;

    @Column(name = "amended_by")
    public String amendedBy;

    @Convert(converter = EncryptedText.class)
    public String reason;

    @Convert(converter = EncryptedText.class)
    @Column(name = "before_json")
    public String beforeJson;

    @Convert(converter = EncryptedText.class)
    @Column(name = "after_json")
    public String afterJson;
}
