package dk.hotline.core.presence;

import dk.hotline.contracts.vocabulary.PauseReason;
import dk.hotline.contracts.vocabulary.Site;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** What a phone was last asked to be in its site's queue, by its advisor or a supervisor (one row per endpoint). */
@Entity
@Table(name = "queue_presence")
public class WantedPresence extends PanacheEntityBase {

    @Id
    public String endpoint;

    @Enumerated(EnumType.STRING)
    public Site site;

    @Enumerated(EnumType.STRING)
    public QueueState state;

    @Enumerated(EnumType.STRING)
    public PauseReason reason;

    @Column(name = "changed_at")
    public Instant changedAt;
}
