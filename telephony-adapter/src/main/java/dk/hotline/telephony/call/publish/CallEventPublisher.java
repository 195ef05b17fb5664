package dk.hotline.telephony.call.publish;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.telephony.call.domain.CallLifecycleEvent;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes call life-cycle events on {@code hotline.calls}: keyed by call id (one call stays in order on one
 * partition), CloudEvents binary mode, {@code ce_id} = callId/state so a redelivery is recognisably the same event
 * (callId/CONNECTED/n for the n-th connection of a transferred call).
 *
 * <p>Called on the AMI reader thread. {@link Emitter#send} does not block: the Kafka connector sends on its own
 * producer thread. When Kafka is down the producer holds the events and sends them, in order, once it is back,
 * for up to {@code delivery.timeout.ms} (an hour, application.properties); an event still unsent then is dropped,
 * logged by id and counted ({@code callEventsDropped} in the status API). Routing and call following go on
 * regardless. Held events live in memory only: an adapter restarted during the outage loses them.
 */
@ApplicationScoped
public class CallEventPublisher {

    private static final Logger LOG = Logger.getLogger(CallEventPublisher.class);
    private static final URI SOURCE = URI.create("urn:dk:hotline:telephony-adapter");

    private final Emitter<String> emitter;
    private final ObjectMapper mapper;
    private final AtomicLong dropped = new AtomicLong();

    public CallEventPublisher(@Channel("calls") Emitter<String> emitter, ObjectMapper mapper) {
        this.emitter = emitter;
        this.mapper = mapper.copy().addMixIn(CallLifecycleEvent.class, PayloadOnly.class);
    }

    /** The connection number only makes the ce_id of a later CONNECTED; it is not in the payload (the contract). */
    @JsonIgnoreProperties("connection")
    private interface PayloadOnly {
    }

    public void publish(List<CallLifecycleEvent> events) {
        for (CallLifecycleEvent event : events) {
            publish(event);
        }
    }

    public void publish(CallLifecycleEvent event) {
        String payload;
        try {
            payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("call event not serialisable", e);
        }
        OutgoingCloudEventMetadata<Object> ce = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId())
                .withType(event.state().eventType())
                .withSource(SOURCE)
                .withSubject(event.callId())
                .withDataContentType("application/json")
                .withTimestamp(event.occurredAt().atZone(ZoneOffset.UTC))
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.callId()).build();
        Message<String> message = Message.of(payload).addMetadata(ce).addMetadata(kafka)
                .withNack(failure -> {
                    countDropped(event, failure);
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            countDropped(event, e);
        }
    }

    public long droppedEvents() {
        return dropped.get();
    }

    private void countDropped(CallLifecycleEvent event, Throwable failure) {
        dropped.incrementAndGet();
        LOG.warnf("call event %s not published: %s", event.eventId(), failure.getMessage());
    }
}
