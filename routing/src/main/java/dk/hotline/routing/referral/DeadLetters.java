package dk.hotline.routing.referral;

import dk.hotline.platform.events.DeadLetterLedger;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a record that can never be routed goes, so that its partition moves on: to the dead-letter topic
 * ({@code hotline.referrals.dlq}) as it came, with its original headers and the reason and place as
 * {@code dead-letter-*} headers (the names SmallRye's own dead-letter strategy uses, which core's consumers have), and
 * into {@code dead_lettered_event} for the supervisors' dead-letter view ({@link DeadLetterLedger}, shared with core).
 * Log lines and the table name the place, ids and the reason only, never the payload.
 */
@ApplicationScoped
public class DeadLetters {

    /** A record and why it cannot be used. */
    public record Rejected(KafkaRecord<String, String> record, String reason) {
    }

    private final MutinyEmitter<String> emitter;
    private final DeadLetterLedger ledger;
    private final String topic;

    public DeadLetters(@Channel("referrals-dlq") MutinyEmitter<String> emitter, DeadLetterLedger ledger,
                       @ConfigProperty(name = "mp.messaging.outgoing.referrals-dlq.topic") String topic) {
        this.emitter = emitter;
        this.ledger = ledger;
        this.topic = topic;
    }

    /** Completes once every record is on the dead-letter topic and listed; a failure is retried by the caller. */
    public Uni<Void> send(List<Rejected> rejected) {
        if (rejected.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = new ArrayList<>();
        for (Rejected r : rejected) {
            sends.add(emitter.sendMessage(message(r)));
        }
        return Uni.join().all(sends).andFailFast().chain(() -> list(rejected));
    }

    private Message<String> message(Rejected r) {
        KafkaRecord<String, String> record = r.record();
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.getHeaders()) {
            headers.add(h);
        }
        headers.add("dead-letter-reason", bytes(r.reason()));
        headers.add("dead-letter-topic", bytes(record.getTopic()));
        headers.add("dead-letter-partition", bytes(String.valueOf(record.getPartition())));
        headers.add("dead-letter-offset", bytes(String.valueOf(offset(record))));
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.getKey()).withHeaders(headers).build();
        return Message.of(record.getPayload() == null ? "" : record.getPayload()).addMetadata(kafka);
    }

    private Uni<Void> list(List<Rejected> rejected) {
        List<DeadLetterLedger.Entry> entries = new ArrayList<>();
        for (Rejected r : rejected) {
            KafkaRecord<String, String> record = r.record();
            entries.add(new DeadLetterLedger.Entry(record.getTopic(), record.getPartition(), offset(record), record.getKey(),
                    header(record, "ce_id"), header(record, "ce_type"), r.reason(), topic));
        }
        return ledger.list(entries);
    }

    private static long offset(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> m.getOffset()).orElse(-1L);
    }

    private static String header(KafkaRecord<String, String> record, String name) {
        Header h = record.getHeaders().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
