package dk.hotline.routing.referral;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a record that can never be routed goes, so that its partition moves on: to the dead-letter topic
 * ({@code hotline.referrals.dlq}) as it came, with its original headers and the reason and place as
 * {@code dead-letter-*} headers (the names SmallRye's own dead-letter strategy uses, which core's consumers have), and
 * into {@code dead_lettered_event} for the supervisors' dead-letter view. Log lines and the table name the place,
 * ids and the reason only, never the payload.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    /** A record and why it cannot be used. */
    public record Rejected(KafkaRecord<String, String> record, String reason) {
    }

    private final MutinyEmitter<String> emitter;
    private final Pool pool;
    private final Clock clock;
    private final String topic;

    public DeadLetters(@Channel("referrals-dlq") MutinyEmitter<String> emitter, Pool pool, Clock clock,
                       @ConfigProperty(name = "mp.messaging.outgoing.referrals-dlq.topic") String topic) {
        this.emitter = emitter;
        this.pool = pool;
        this.clock = clock;
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
        List<Tuple> rows = new ArrayList<>();
        for (Rejected r : rejected) {
            KafkaRecord<String, String> record = r.record();
            rows.add(Tuple.tuple().addString(record.getTopic()).addInteger(record.getPartition())
                    .addLong(offset(record)).addString(record.getKey()).addString(header(record, "ce_id"))
                    .addString(header(record, "ce_type")).addString(r.reason()).addString(topic)
                    .addOffsetDateTime(clock.instant().atOffset(ZoneOffset.UTC)));
            LOG.warnf("Referral record %s-%d@%d (event %s) sent to %s: %s", record.getTopic(), record.getPartition(),
                    offset(record), header(record, "ce_id"), topic, r.reason());
        }
        return pool.preparedQuery("""
                        INSERT INTO dead_lettered_event (topic, record_partition, record_offset, record_key, event_id,
                               event_type, reason, dead_letter_topic, received_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                        ON CONFLICT (topic, record_partition, record_offset) DO NOTHING""")
                .executeBatch(rows).replaceWithVoid();
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
