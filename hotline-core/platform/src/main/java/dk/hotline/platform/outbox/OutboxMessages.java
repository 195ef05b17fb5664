package dk.hotline.platform.outbox;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.net.URI;
import java.time.ZoneOffset;

/**
 * Turns an outbox row into the Kafka record every service publishes: a binary-mode CloudEvent (id, type, source,
 * subject, time, JSON content type) keyed by the row's key, on the row's topic or else the channel's own.
 */
public final class OutboxMessages {

    private OutboxMessages() {
    }

    /** A publisher for {@link OutboxRelay} that sends through a service's outgoing Kafka channel. */
    public static OutboxRelay.Publisher through(MutinyEmitter<String> emitter, URI source) {
        return event -> emitter.sendMessage(message(event, source));
    }

    static Message<String> message(OutboxRelay.Pending event, URI source) {
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> kafka =
                OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key());
        if (event.topic() != null) {
            kafka.withTopic(event.topic());
        }
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.id().toString())
                .withType(event.type())
                .withSource(source)
                .withSubject(event.subject())
                .withDataContentType("application/json")
                .withTimestamp(event.createdAt().atZone(ZoneOffset.UTC))
                .build();
        return Message.of(event.payload(), Metadata.of(kafka.build(), cloudEvent));
    }
}
