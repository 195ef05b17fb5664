package dk.hotline.routing.outbox;

import dk.hotline.routing.common.RoutingConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import dk.hotline.platform.jobs.PeriodicJobs;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Publishes the outbox to {@code hotline.deliveries} (CloudEvents, binary mode, keyed by referral id).
 * One publisher at a time across instances (a transaction-scoped advisory lock), in outbox order, so the events of
 * one referral keep their order; a row is marked published only after Kafka acknowledged it (at-least-once;
 * consumers dedupe by event id).
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);
    private static final long LOCK_KEY = 0x686f746c696e65L; // "hotline"

    private final MutinyEmitter<String> emitter;
    private final RoutingConfig config;
    private final Clock clock;

    public OutboxPublisher(@Channel("deliveries") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
                           MutinyEmitter<String> emitter, RoutingConfig config, Clock clock) {
        this.emitter = emitter;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event, PeriodicJobs jobs) {
        jobs.every("outbox publisher", config.outbox().pollInterval(), this::publishPending);
    }

    public Uni<Void> publishPending() {
        // Keep going while batches come back full, so a burst drains at once instead of one batch per tick.
        return publishBatch().chain(n -> n >= config.events().outboxBatchSize() ? publishPending() : Uni.createFrom().voidItem())
                .onFailure().invoke(f -> LOG.warnf("Outbox publishing failed, will retry: %s", f.toString()))
                .onFailure().recoverWithNull();
    }

    /** Publishes one batch; returns how many events went out. */
    public Uni<Integer> publishBatch() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select pg_try_advisory_xact_lock(" + LOCK_KEY + ")", Boolean.class)
                        .getSingleResult())
                .chain(locked -> !locked ? Uni.createFrom().item(0)
                        : OutboxEventEntity.<OutboxEventEntity>find("publishedAt is null order by id")
                        .page(0, config.events().outboxBatchSize()).list()
                        .chain(this::sendAll)));
    }

    private Uni<Integer> sendAll(List<OutboxEventEntity> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Context context = Vertx.currentContext();
        List<Uni<Void>> sends = events.stream().map(this::send).toList();
        // Kafka acknowledges on its own threads; come back to our Vert.x context before touching the session.
        return Uni.join().all(sends).andFailFast()
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .invoke(ignored -> events.forEach(e -> e.publishedAt = clock.instant()))
                .replaceWith(events.size());
    }

    private Uni<Void> send(OutboxEventEntity e) {
        Message<String> message = Message.of(e.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(e.referralId).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(e.eventId.toString())
                        .withType(e.type)
                        .withSource(URI.create(config.events().source()))
                        .withSubject(e.referralId)
                        .withDataContentType("application/json")
                        .withTimestamp(e.createdAt.atZone(ZoneOffset.UTC))
                        .build());
        return emitter.sendMessage(message);
    }
}
