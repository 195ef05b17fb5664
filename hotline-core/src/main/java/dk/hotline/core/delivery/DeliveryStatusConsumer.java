package dk.hotline.core.delivery;

import dk.hotline.platform.events.MalformedEventException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.platform.events.EventFieldCipher;
import dk.hotline.core.events.ProcessedEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Consumes routing's referral status events ({@code hotline.deliveries}, keyed by referral id) and keeps each
 * referral's status history, so the advisor sees what became of it. Idempotent by {@code ce_id}: the event id and
 * the status row commit together, and a redelivery finds the id and changes nothing. A status core does not know
 * yet is kept as it came. The payload is never logged (a reason may hold personal data).
 */
@ApplicationScoped
public class DeliveryStatusConsumer {

    private static final Logger LOG = Logger.getLogger(DeliveryStatusConsumer.class);
    static final String CONSUMER = "hotline.deliveries";

    private final ObjectMapper json;
    private final Clock clock;
    private final EventFieldCipher eventFields;

    public DeliveryStatusConsumer(ObjectMapper json, Clock clock, EventFieldCipher eventFields) {
        this.eventFields = eventFields;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("deliveries")
    public Uni<Void> consume(Message<String> message) {
        String ceId = message.getMetadata(IncomingCloudEventMetadata.class).map(IncomingCloudEventMetadata::getId).orElse(null);
        ReferralStatusEvent event;
        UUID referral;
        try {
            event = json.readValue(message.getPayload(), ReferralStatusEvent.class);
            referral = UUID.fromString(event.referralId());
        } catch (Exception e) {
            return deadLetter(message, ceId, "unreadable referral status event (" + e.getClass().getSimpleName() + ")");
        }
        if (event.status() == null || event.status().isBlank() || event.occurredAt() == null) {
            return deadLetter(message, ceId, "referral status event without status or occurredAt");
        }
        String eventId = ceId != null ? ceId : referral + "/" + event.status() + "/" + event.occurredAt();
        return record(eventId, referral, event)
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).atMost(8)
                .chain(() -> Uni.createFrom().completionStage(message::ack))
                .onFailure().recoverWithUni(e -> {
                    LOG.errorf("Referral status event %s could not be stored (%s); sent to the dead-letter topic", eventId, e.getClass().getName());
                    return Uni.createFrom().completionStage(() -> message.nack(e));
                });
    }

    /** A malformed record goes to the dead-letter topic with its reason, and the partition moves on. */
    private static Uni<Void> deadLetter(Message<String> message, String ceId, String reason) {
        LOG.warnf("Referral status event %s sent to the dead-letter topic: %s", ceId, reason);
        return Uni.createFrom().completionStage(() -> message.nack(new MalformedEventException(reason)));
    }

    Uni<Void> record(String eventId, UUID referral, ReferralStatusEvent event) {
        return Panache.withTransaction(() -> ProcessedEvent.<ProcessedEvent>findById(eventId).flatMap(seen -> {
            if (seen != null) {
                return Uni.createFrom().voidItem();
            }
            ProcessedEvent processed = new ProcessedEvent();
            processed.eventId = eventId;
            processed.consumer = CONSUMER;
            processed.processedAt = clock.instant();
            ReferralStatus status = new ReferralStatus();
            status.eventId = eventId;
            status.referralId = referral;
            status.status = event.status().strip();
            status.recipientId = event.recipientId();
            status.recipientName = event.recipientName();
            // Sealed by routing with the event keys (end to end); stored sealed again under core's data keys.
            status.reason = eventFields.open("referral_status", "reason", referral.toString(), event.reason());
            status.outcome = event.outcome();
            status.occurredAt = event.occurredAt();
            status.deadlineAt = event.deadlineAt();
            status.receivedAt = clock.instant();
            return processed.persist().chain(status::persist).replaceWithVoid();
        }));
    }
}
