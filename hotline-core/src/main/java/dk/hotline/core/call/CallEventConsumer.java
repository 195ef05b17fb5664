package dk.hotline.core.call;

import dk.hotline.platform.events.MalformedEventException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Consumes the telephony adapter's call life cycle ({@code hotline.calls},
 * CloudEvents binary mode, keyed by call id). Idempotent by {@code ce_id}.
 * A database hiccup is retried with back-off (keeping the call's order); an
 * event that still fails goes to the dead-letter topic. The payload is never
 * logged (it holds the caller hash).
 */
@ApplicationScoped
public class CallEventConsumer {

    private static final Logger LOG = Logger.getLogger(CallEventConsumer.class);

    private final CallRecorder recorder;
    private final ObjectMapper json;

    public CallEventConsumer(CallRecorder recorder, ObjectMapper json) {
        this.recorder = recorder;
        this.json = json;
    }

    @Incoming("calls")
    public Uni<Void> consume(Message<String> message) {
        String ceId = message.getMetadata(IncomingCloudEventMetadata.class).map(IncomingCloudEventMetadata::getId).orElse(null);
        CallLifecycle event;
        try {
            event = json.readValue(message.getPayload(), CallLifecycle.class);
        } catch (Exception e) {
            return deadLetter(message, ceId, "unreadable call event (" + e.getClass().getSimpleName() + ")");
        }
        if (event.callId() == null || event.state() == null || event.occurredAt() == null) {
            return deadLetter(message, ceId, "call event without callId, state or occurredAt");
        }
        // The adapter's ids are callId/STATE; the same scheme covers an event that came without ce_id.
        String eventId = ceId != null ? ceId : event.callId() + "/" + event.state().name();
        return recorder.record(eventId, event)
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).atMost(8)
                .invoke(announcement -> {
                    if (announcement != null) {
                        announcement.run();
                    }
                })
                .chain(() -> Uni.createFrom().completionStage(message::ack))
                .onFailure().recoverWithUni(e -> {
                    LOG.errorf("Call event %s could not be applied (%s); sent to the dead-letter topic", eventId, e.getClass().getName());
                    return Uni.createFrom().completionStage(() -> message.nack(e));
                });
    }

    /** A malformed record goes to the dead-letter topic with its reason, and the partition moves on. */
    private static Uni<Void> deadLetter(Message<String> message, String ceId, String reason) {
        LOG.warnf("Call event %s sent to the dead-letter topic: %s", ceId, reason);
        return Uni.createFrom().completionStage(() -> message.nack(new MalformedEventException(reason)));
    }
}
