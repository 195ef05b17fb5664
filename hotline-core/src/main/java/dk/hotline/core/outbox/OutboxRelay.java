package dk.hotline.core.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them
 * published. Rows are locked with SKIP LOCKED, so several core instances share
 * the work without publishing a row twice. If the process dies after Kafka
 * acknowledged but before the mark committed, the row goes out again with the
 * same CloudEvent id: consumers dedupe by that id (at-least-once on the wire,
 * exactly-once in effect).
 *
 * <p>It polls on a Vert.x timer, not Quarkus' scheduler, which does not go
 * below one second: the relay sits on the path from an advisor's click to the
 * infohus. A full batch is followed at once by the next one.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final URI SOURCE = URI.create("/hotline-core");

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final Clock clock;
    private final Vertx vertx;
    private final int batchSize;
    private final Duration pollInterval;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public OutboxRelay(Pool pool, @Channel("outbox") MutinyEmitter<String> emitter, Clock clock, Vertx vertx,
                       @ConfigProperty(name = "hotline.outbox.batch-size", defaultValue = "500") int batchSize,
                       @ConfigProperty(name = "hotline.outbox.poll-interval", defaultValue = "PT0.05S") Duration pollInterval) {
        this.pool = pool;
        this.emitter = emitter;
        this.clock = clock;
        this.vertx = vertx;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(Math.max(1, pollInterval.toMillis()), id -> tick());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    /** One run at a time; it drains full batches back to back and stops at the first short one. */
    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        drain().subscribe().with(
                ignored -> running.set(false),
                e -> {
                    running.set(false);
                    LOG.warnf("Outbox relay could not publish (will retry): %s", e.getClass().getSimpleName());
                });
    }

    private Uni<Void> drain() {
        return publishPending().flatMap(sent -> sent == batchSize ? drain() : Uni.createFrom().voidItem());
    }

    /** Publishes one batch; answers how many rows went out. */
    public Uni<Integer> publishPending() {
        return pool.withTransaction(connection -> lockBatch(connection)
                .flatMap(rows -> rows.isEmpty()
                        ? Uni.createFrom().item(0)
                        : send(rows).flatMap(ignored -> markPublished(connection, rows)).map(ignored -> rows.size())));
    }

    private Uni<List<Row>> lockBatch(SqlConnection connection) {
        return connection.preparedQuery("""
                        SELECT id, topic, record_key, type, subject, payload, created_at
                          FROM outbox_event
                         WHERE published_at IS NULL
                         ORDER BY seq
                         LIMIT $1
                           FOR UPDATE SKIP LOCKED""")
                .execute(Tuple.of(batchSize))
                .map(rowSet -> {
                    List<Row> rows = new ArrayList<>(rowSet.size());
                    rowSet.forEach(rows::add);
                    return rows;
                });
    }

    /**
     * Hands the whole batch to the producer in order and waits for every
     * acknowledgement. Pipelined, not one record at a time: the idempotent
     * producer keeps per-partition order with several requests in flight, and
     * a failure anywhere fails the batch, whose rows then stay unpublished.
     */
    private Uni<Void> send(List<Row> rows) {
        List<Uni<Void>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            acks.add(emitter.sendMessage(toMessage(row)));
        }
        return Uni.join().all(acks).andCollectFailures().replaceWithVoid();
    }

    private Message<String> toMessage(Row row) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("record_key"))
                .build();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(row.getUUID("id").toString())
                .withType(row.getString("type"))
                .withSource(SOURCE)
                .withSubject(row.getString("subject"))
                .withTimestamp(row.getOffsetDateTime("created_at").atZoneSameInstant(ZoneOffset.UTC))
                .build();
        return Message.of(row.getString("payload"), Metadata.of(kafka, cloudEvent));
    }

    private Uni<Void> markPublished(SqlConnection connection, List<Row> rows) {
        UUID[] ids = rows.stream().map(r -> r.getUUID("id")).toArray(UUID[]::new);
        return connection.preparedQuery("UPDATE outbox_event SET published_at = $1 WHERE id = ANY($2)")
                .execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC), ids))
                .replaceWithVoid();
    }
}
