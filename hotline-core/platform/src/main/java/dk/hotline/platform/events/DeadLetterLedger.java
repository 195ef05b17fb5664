package dk.hotline.platform.events;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The list of records a service sent to a dead-letter topic, for its supervisors' dead-letter view: where each record
 * was, its ids and why, never its content (the payload stays on the dead-letter topic). Each service keeps the list in
 * its own {@code dead_lettered_event} table (same shape in core and routing); a record listed twice stays one row.
 */
@ApplicationScoped
public class DeadLetterLedger {

    private static final Logger LOG = Logger.getLogger(DeadLetterLedger.class);

    /** A record sent to {@code deadLetterTopic}: its place, ids and reason. */
    public record Entry(String topic, int partition, long offset, String key, String eventId, String eventType,
                        String reason, String deadLetterTopic) {
    }

    /** A listed entry, as the dead-letter view answers it. */
    public record DeadLetteredEvent(long id, String topic, int partition, long offset, String key, String eventId,
                                    String eventType, String reason, String deadLetterTopic, Instant receivedAt) {
    }

    private final Pool pool;
    private final Clock clock;

    public DeadLetterLedger(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<Void> list(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>();
        for (Entry e : entries) {
            rows.add(Tuple.tuple().addString(e.topic()).addInteger(e.partition()).addLong(e.offset()).addString(e.key())
                    .addString(e.eventId()).addString(e.eventType()).addString(e.reason()).addString(e.deadLetterTopic())
                    .addOffsetDateTime(clock.instant().atOffset(ZoneOffset.UTC)));
            LOG.warnf("Record %s-%d@%d (event %s) is on %s: %s", e.topic(), e.partition(), e.offset(), e.eventId(),
                    e.deadLetterTopic(), e.reason());
        }
        return pool.preparedQuery("""
                        INSERT INTO dead_lettered_event (topic, record_partition, record_offset, record_key, event_id,
                               event_type, reason, dead_letter_topic, received_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                        ON CONFLICT (topic, record_partition, record_offset) DO NOTHING""")
                .executeBatch(rows).replaceWithVoid();
    }

    /** How many records are listed. */
    public Uni<Long> count() {
        return pool.query("SELECT count(*) AS n FROM dead_lettered_event").execute()
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /** The newest 500, newest first. */
    public Uni<List<DeadLetteredEvent>> recent() {
        return pool.query("""
                        SELECT id, topic, record_partition, record_offset, record_key, event_id, event_type, reason,
                               dead_letter_topic, received_at
                          FROM dead_lettered_event ORDER BY id DESC LIMIT 500""").execute()
                .map(rows -> {
                    List<DeadLetteredEvent> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new DeadLetteredEvent(r.getLong("id"), r.getString("topic"), r.getInteger("record_partition"),
                                r.getLong("record_offset"), r.getString("record_key"), r.getString("event_id"),
                                r.getString("event_type"), r.getString("reason"), r.getString("dead_letter_topic"),
                                r.getOffsetDateTime("received_at").toInstant()));
                    }
                    return out;
                });
    }
}
