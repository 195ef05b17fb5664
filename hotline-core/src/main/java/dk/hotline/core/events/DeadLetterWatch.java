package dk.hotline.core.events;

import dk.hotline.platform.events.DeadLetterLedger;
import dk.hotline.platform.events.MalformedEventException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads core's own dead-letter topics ({@code hotline.calls.dlq}, {@code hotline.deliveries.dlq}) and the telephony
 * adapter's ({@code hotline.rotation.dlq}: the adapter has no database, so core lists for it), where SmallRye's
 * dead-letter strategy puts a record a consumer could not use, and lists each record for the supervisors' dead-letter
 * view: the original place and ids from the {@code dead-letter-*} and {@code ce_*} headers, never the payload. Every
 * adapter instance reads the rotation topic from its start, so one bad schedule may arrive more than once: the ledger
 * keeps one row per original place.
 */
@ApplicationScoped
public class DeadLetterWatch {

    private final DeadLetterLedger ledger;

    public DeadLetterWatch(DeadLetterLedger ledger) {
        this.ledger = ledger;
    }

    @Incoming("dead-letters")
    public Uni<Void> watch(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        if (kafka == null) {
            return Uni.createFrom().completionStage(message::ack);
        }
        Headers headers = kafka.getHeaders();
        String reason = reason(header(headers, "dead-letter-exception-class-name"), header(headers, "dead-letter-reason"));
        DeadLetterLedger.Entry entry = new DeadLetterLedger.Entry(
                orElse(header(headers, "dead-letter-topic"), kafka.getTopic()),
                parseInt(header(headers, "dead-letter-partition"), kafka.getPartition()),
                parseLong(header(headers, "dead-letter-offset"), kafka.getOffset()),
                kafka.getKey() == null ? null : kafka.getKey().toString(),
                header(headers, "ce_id"), header(headers, "ce_type"),
                reason, kafka.getTopic());
        return ledger.list(List.of(entry)).chain(() -> Uni.createFrom().completionStage(message::ack));
    }

    /**
     * Our own refusal's message names fields, never values; any other exception's message might quote data (a
     * database error quotes the row), so only its class is kept.
     */
    static String reason(String exceptionClass, String message) {
        if (MalformedEventException.class.getName().equals(exceptionClass) && message != null) {
            return message;
        }
        return exceptionClass == null ? "no reason given" : "failed with " + exceptionClass;
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long parseLong(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
