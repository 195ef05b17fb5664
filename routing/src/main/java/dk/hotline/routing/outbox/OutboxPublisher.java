package dk.hotline.routing.outbox;

import dk.hotline.platform.jobs.PeriodicJobs;
import dk.hotline.platform.outbox.OutboxMessages;
import dk.hotline.platform.outbox.OutboxRelay;
import dk.hotline.routing.common.RoutingConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;

/**
 * Publishes routing's outbox to {@code hotline.deliveries} (CloudEvents, binary mode, keyed by referral id) with the
 * platform's {@link OutboxRelay}, the same relay as core's: one instance at a time, in outbox order, so the events of
 * one referral keep their order; a row is marked published only after Kafka acknowledged it (at-least-once;
 * consumers dedupe by event id).
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    private final OutboxRelay relay;
    private final RoutingConfig config;

    public OutboxPublisher(@Channel("deliveries") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
                           MutinyEmitter<String> emitter, RoutingConfig config, Clock clock, Pool pool) {
        this.config = config;
        this.relay = new OutboxRelay(pool, "outbox_event",
                OutboxMessages.through(emitter, URI.create(config.events().source())), clock,
                config.events().outboxBatchSize());
    }

    void start(@Observes StartupEvent event, PeriodicJobs jobs) {
        jobs.every("outbox publisher", config.outbox().pollInterval(), this::publishPending);
    }

    public Uni<Void> publishPending() {
        // Batches back to back while they come back full, so a burst drains at once instead of one batch per tick.
        return relay.drain()
                .onFailure().invoke(f -> LOG.warnf("Outbox publishing failed, will retry: %s", f.toString()))
                .onFailure().recoverWithNull();
    }
}
