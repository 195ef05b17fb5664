package dk.hotline.core.call;

import dk.hotline.core.call.domain.CallState;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One call as core knows it: its latest state and times. The caller appears only as the adapter's keyed hash. */
@Entity
@Table(name = "call_record")
public class CallRecord extends PanacheEntityBase {

    @Id
    @Column(name = "call_id")
    public String callId;

    @Enumerated(EnumType.STRING)
    public CallState state;

    public String line;
    public String site;
    public String queue;

    @Column(name = "advisor_endpoint")
    public String advisorEndpoint;

    @Column(name = "caller_hash")
    public String callerHash;

    @Column(name = "offered_at")
    public Instant offeredAt;

    @Column(name = "connected_at")
    public Instant connectedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "last_event_at")
    public Instant lastEventAt;

    @Column(name = "wait_seconds")
    public Long waitSeconds;

    @Column(name = "talk_seconds")
    public Long talkSeconds;

    @Column(name = "end_reason")
    public String endReason;

    /** Whether the adapter routed the call in degraded mode (from its replica, core or Kafka unreachable). */
    @Column(name = "routed_degraded")
    public Boolean routedDegraded;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
