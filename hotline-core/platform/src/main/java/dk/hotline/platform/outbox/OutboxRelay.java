package dk.hotline.platform.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Publishes a service's transactional outbox to Kafka in the order the rows were written, keeping that order for
 * every record key however many instances of the service run. Core and routing both use it.
 * <p>
 * <b>Why one relay at a time:</b> with {@code FOR UPDATE SKIP LOCKED}, two instances take two different batches and
 * publish them at the same time, so a later row of one key can reach Kafka before an earlier one (on the compacted
 * rotation topic, an older schedule would win). Here a run holds PostgreSQL's transaction-level advisory lock for
 * the table ({@code pg_try_advisory_xact_lock}); an instance that finds it held skips the run. The holder reads the
 * oldest unpublished rows by {@code seq}, hands them to the producer in that order (the idempotent producer keeps
 * per-partition order with several requests in flight), waits for every acknowledgement, marks them published and
 * commits, which releases the lock. A failure anywhere leaves the whole batch unpublished for the next run: the
 * rows go out again with the same CloudEvent id, and consumers dedupe by it (at-least-once on the wire).
 * <p>
 * Writers must append a key's outbox row after changing the row that the key stands for (the referral, the
 * rotation), so that the row lock orders writers of one key and {@code seq} order is their commit order.
 * <p>
 * The table has the columns {@code seq} (bigserial, the order), {@code id} (uuid, the CloudEvent id), {@code topic}
 * (null: the channel's own topic), {@code record_key}, {@code type}, {@code subject}, {@code payload},
 * {@code created_at} and {@code published_at}.
 */
public final class OutboxRelay {

    /** One row waiting to go out. */
    public record Pending(long seq, UUID id, String topic, String key, String type, String subject, String payload,
                          Instant createdAt) {
    }

    /** Hands one event to Kafka; the Uni completes when the broker acknowledged it. */
    @FunctionalInterface
    public interface Publisher {
        Uni<Void> publish(Pending event);
    }

    /** First half of the two-int advisory lock key ("HLOB"): apart from the periodic jobs' locks ("HLJB"). */
    static final int NAMESPACE = 0x484C4F42;
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

    private final Pool pool;
    private final String table;
    private final Publisher publisher;
    private final Clock clock;
    private final int batchSize;

    public OutboxRelay(Pool pool, String table, Publisher publisher, Clock clock, int batchSize) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.pool = Objects.requireNonNull(pool);
        this.table = table;
        this.publisher = Objects.requireNonNull(publisher);
        this.clock = Objects.requireNonNull(clock);
        this.batchSize = batchSize;
    }

    /** Publishes batches back to back until one comes back short (or another instance holds the lock). */
    public Uni<Void> drain() {
        return publishBatch().chain(sent -> sent == batchSize ? drain() : Uni.createFrom().voidItem());
    }

    /** Publishes one batch; answers how many rows went out (0 when another instance is publishing). */
    public Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_try_advisory_xact_lock($1, $2) AS held")
                .execute(Tuple.of(NAMESPACE, table.hashCode()))
                .chain(held -> held.iterator().next().getBoolean("held")
                        ? pending(connection).chain(rows -> rows.isEmpty()
                                ? Uni.createFrom().item(0)
                                : send(rows).chain(() -> markPublished(connection, rows)).replaceWith(rows.size()))
                        : Uni.createFrom().item(0)));
    }

    private Uni<List<Pending>> pending(SqlConnection connection) {
        return connection.preparedQuery("SELECT seq, id, topic, record_key, type, subject, payload, created_at FROM "
                        + table + " WHERE published_at IS NULL ORDER BY seq LIMIT $1")
                .execute(Tuple.of(batchSize))
                .map(rows -> {
                    List<Pending> out = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        out.add(new Pending(r.getLong("seq"), r.getUUID("id"), r.getString("topic"),
                                r.getString("record_key"), r.getString("type"), r.getString("subject"),
                                r.getString("payload"), r.getOffsetDateTime("created_at").toInstant()));
                    }
                    return out;
                });
    }

    /** The whole batch, handed over in order, pipelined; a failure of any fails the batch. */
    private Uni<Void> send(List<Pending> rows) {
        List<Uni<Void>> acks = new ArrayList<>(rows.size());
        for (Pending row : rows) {
            acks.add(publisher.publish(row));
        }
        return Uni.join().all(acks).andCollectFailures().replaceWithVoid();
    }

    private Uni<Void> markPublished(SqlConnection connection, List<Pending> rows) {
        Long[] seqs = rows.stream().map(Pending::seq).toArray(Long[]::new);
        return connection.preparedQuery("UPDATE " + table + " SET published_at = $1 WHERE seq = ANY($2)")
                .execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC), seqs))
                .replaceWithVoid();
    }
}
