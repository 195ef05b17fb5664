package dk.hotline.routing.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.platform.events.EventFieldCipher;
import dk.hotline.routing.outbox.OutboxEventEntity;
import dk.hotline.routing.referral.domain.ReferralStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes a referral's status events to the outbox, inside the caller's transaction. */
@ApplicationScoped
public class StatusEvents {

    /** Where a status event's reason is sealed (with the field and the referral id). */
    public static final String SEALED_IN = "referral_status";

    private final ObjectMapper mapper;
    private final EventFieldCipher eventFields;

    public StatusEvents(ObjectMapper mapper, EventFieldCipher eventFields) {
        this.mapper = mapper;
        this.eventFields = eventFields;
    }

    /** A status event; its {@code reason} (a recipient's free text) is sealed, never in clear in the outbox or on Kafka. */
    public OutboxEventEntity event(ReferralEntity r, ReferralStatus status, Instant at, String reason) {
        ReferralStatusV1 payload = new ReferralStatusV1(r.referralId, status, r.recipientId, r.recipientName,
                r.explanation, at, r.deadlineAt, eventFields.seal(SEALED_IN, "reason", r.referralId, reason),
                status == ReferralStatus.OUTCOME_RECORDED ? r.outcome : null,
                status == ReferralStatus.FORWARDED ? r.forwardedFrom : null);
        OutboxEventEntity e = new OutboxEventEntity();
        e.eventId = UUID.randomUUID();
        e.referralId = r.referralId;
        e.subject = r.referralId;
        e.type = status.eventType();
        e.createdAt = at;
        try {
            e.payload = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("status event cannot be serialised", ex);
        }
        return e;
    }

    public Uni<Void> record(ReferralEntity r, List<ReferralStatus> statuses, Instant at, String reason) {
        List<OutboxEventEntity> events = new ArrayList<>();
        for (ReferralStatus s : statuses) {
            events.add(event(r, s, at, reason));
        }
        return OutboxEventEntity.persist(events);
    }
}
