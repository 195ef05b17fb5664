package dk.hotline.platform.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One line of a service's audit trail: who read or acted on which personal record, when, and why. Inserted, never
 * changed (each service's migration makes its {@code audit_entry} table refuse updates and deletes).
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    /*
     * Ids from the table's sequence in blocks of 50 (its INCREMENT BY 50: core's V91, routing's V24), so an entry is
     * inserted at flush together with the transaction's other writes, and a list read's entries go in batches; with
     * IDENTITY each entry was its own round trip at persist. Blocks are per instance, so ids do not order entries
     * across instances: the trail is read newest first by time.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_id")
    @SequenceGenerator(name = "audit_entry_id", sequenceName = "audit_entry_id_seq", allocationSize = 50)
    public Long id;

    public Instant at;

    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    /** The recipient organisation acted for (routing); null where none applies. */
    public String organisation;

    public String action;

    @Column(name = "record_type")
    public String recordType;

    @Column(name = "record_id")
    public String recordId;

    public String reason;
}
