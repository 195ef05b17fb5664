package dk.hotline.core.rotation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** The single row holding the current rotation schedule as a JSON document. */
@Entity
@Table(name = "rotation_schedule")
public class StoredSchedule extends PanacheEntityBase {

    static final short THE_ROW = 1;

    @Id
    public Short id;

    /** Optimistic lock: an update of a stale version fails instead of overwriting. */
    @Version
    public long version;

    public String document;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
