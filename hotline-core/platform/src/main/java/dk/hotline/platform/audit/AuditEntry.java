package dk.hotline.platform.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One line of a service's audit trail: who read or acted on which personal record, when, and why. Inserted, never
 * changed (each service's migration makes its {@code audit_entry} table refuse updates and deletes).
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
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
