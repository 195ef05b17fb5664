package dk.hotline.core.outbox;

import dk.hotline.platform.outbox.OutboxMessages;
import dk.hotline.platform.outbox.OutboxRelay;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes core's outbox ({@code outbox_event}) with the platform's {@link OutboxRelay}: oldest first, one instance
 * at a time, so the events of one key (a line's schedule, a referral) reach Kafka in the order they were written
 * however many core instances run. Each row names its topic.
 *
 * <p>It polls on a Vert.x timer, not Quarkus' scheduler, which does not go below one second: the relay sits on the
 * path from an advisor's click to the infohus. A full batch is followed at once by the next one.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);
    static final URI SOURCE = URI.create("/hotline-core");

    private final OutboxRelay relay;
    private final Vertx vertx;
    private final Duration pollInterval;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public OutboxPublisher(Pool pool, @Channel("outbox") MutinyEmitter<String> emitter, Clock clock, Vertx vertx,
                           @ConfigProperty(name = "hotline.outbox.batch-size", defaultValue = "500") int batchSize,
                           @ConfigProperty(name = "hotline.outbox.poll-interval", defaultValue = "PT0.05S") Duration pollInterval) {
        this.relay = new OutboxRelay(pool, "outbox_event", OutboxMessages.through(emitter, SOURCE), clock, batchSize);
        this.vertx = vertx;
        this.pollInterval = pollInterval;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(Math.max(1, pollInterval.toMillis()), id -> tick());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    /** One run at a time on this instance; the relay's lock keeps it to one across instances. */
    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        relay.drain().subscribe().with(
                ignored -> running.set(false),
                e -> {
                    running.set(false);
                    LOG.warnf("Outbox relay could not publish (will retry): %s", e.getClass().getSimpleName());
                });
    }
}
