package dk.hotline.core.contact;

import dk.hotline.platform.crypto.SealedColumn;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A correction of a finalised log: who, when, why, and the log before and after (JSON). */
@Entity
@Table(name = "contact_amendment")
public class ContactAmendment extends PanacheEntityBase {

    public static final SealedColumn REASON = new SealedColumn("contact_amendment", "id", "reason");
    public static final SealedColumn BEFORE = new SealedColumn("contact_amendment", "id", "before_json");
    public static final SealedColumn AFTER = new SealedColumn("contact_amendment", "id", "after_json");

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "amended_at")
    public Instant amendedAt;

    @Column(name = "amended_by")
    public String amendedBy;

    /** The reason and the log before and after are stored sealed to this row; field accesses go through the accessors. */
    public String reason;

    @Column(name = "before_json")
    public String beforeJson;

    @Column(name = "after_json")
    public String afterJson;

    public String getReason() {
        return REASON.open(id, reason);
    }

    public void setReason(String text) {
        reason = REASON.seal(id, text);
    }

    public String getBeforeJson() {
        return BEFORE.open(id, beforeJson);
    }

    public void setBeforeJson(String json) {
        beforeJson = BEFORE.seal(id, json);
    }

    public String getAfterJson() {
        return AFTER.open(id, afterJson);
    }

    public void setAfterJson(String json) {
        afterJson = AFTER.seal(id, json);
    }
}
