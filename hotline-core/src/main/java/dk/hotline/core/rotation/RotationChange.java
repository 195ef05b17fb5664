package dk.hotline.core.rotation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One change of the rotation: who, when, what, before and after. Never updated. */
@Entity
@Table(name = "rotation_change")
public class RotationChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    public String description;

    @Column(name = "version_before")
    public Long versionBefore;

    @Column(name = "version_after")
    public long versionAfter;

    @Column(name = "before_doc")
    public String beforeDoc;

    @Column(name = "after_doc")
    public String afterDoc;
}
