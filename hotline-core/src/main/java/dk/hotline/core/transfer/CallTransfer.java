package dk.hotline.core.transfer;

import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.transfer.domain.TransferTarget;
import dk.hotline.platform.crypto.SealedColumn;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A live call an advisor asked to hand on, with their note for the receiver (sealed to its row, like the advice
 * log's summary). Pending until the call connects to the receiver ({@link #connectedAt}).
 */
@Entity
@Table(name = "call_transfer")
public class CallTransfer extends PanacheEntityBase {

    public static final SealedColumn NOTE = new SealedColumn("call_transfer", "id", "note");

    @Id
    public UUID id;

    @Column(name = "call_id")
    public String callId;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "from_endpoint")
    public String fromEndpoint;

    @Column(name = "requested_by")
    public String requestedBy;

    @Enumerated(EnumType.STRING)
    public TransferTarget target;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_site")
    public Site targetSite;

    @Column(name = "target_endpoint")
    public String targetEndpoint;

    /** Stored sealed; every access goes through the accessors. */
    public String note;

    @Column(name = "requested_at")
    public Instant requestedAt;

    /** When the telephony adapter took the request (202); null while it is being asked. */
    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "connected_at")
    public Instant connectedAt;

    @Column(name = "to_endpoint")
    public String toEndpoint;

    public String getNote() {
        return note == null ? null : NOTE.open(id, note);
    }

    public void setNote(String text) {
        note = text == null ? null : NOTE.seal(id, text);
    }
}
