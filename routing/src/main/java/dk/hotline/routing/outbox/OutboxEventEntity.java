package dk.hotline.routing.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A status event written in the same transaction as the change it reports; published to Kafka afterwards by the
 * platform's OutboxRelay (the same table shape as core's outbox).
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEventEntity extends PanacheEntityBase {
    @Id
    // IDENTITY, not a pooled sequence: the relay sends in seq order, which must be the commit order of the
    // changes of one referral even when several instances write (a pooled block would not be).
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    /** The CloudEvent id. */
    @Column(name = "id")
    public UUID eventId;
    /** The Kafka key: the referral id. */
    @Column(name = "record_key")
    public String referralId;
    /** Null: the deliveries channel's own topic. */
    public String topic;
    public String subject;
    public String type;
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "published_at")
    public Instant publishedAt;
}
