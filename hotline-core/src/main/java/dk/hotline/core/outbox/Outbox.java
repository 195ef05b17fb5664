package dk.hotline.core.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/**
 * The only way core writes events: {@link #append} joins the caller's
 * transaction, so the row that changed and the event saying so commit together
 * or not at all. {@link OutboxPublisher} publishes them afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final Clock clock;

    public Outbox(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Must be called inside a transaction (e.g. from a {@code @WithTransaction} method). */
    public Uni<OutboxEvent> append(String topic, String key, String type, String subject, Object payload) {
        return event(topic, key, type, subject, payload).persist();
    }

    /** The event {@link #append} would write, not written (for a caller that inserts it in its own statement). */
    public OutboxEvent event(String topic, String key, String type, String subject, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.recordKey = key;
        event.type = type;
        event.subject = subject;
        event.payload = toJson(payload);
        event.createdAt = clock.instant();
        return event;
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event payload cannot be written as JSON: " + payload.getClass().getName(), e);
        }
    }
}
