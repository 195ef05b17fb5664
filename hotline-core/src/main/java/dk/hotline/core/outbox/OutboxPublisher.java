package dk.hotline.core.outbox;

import dk.hotline.platform.outbox.OutboxMessages;
import dk.hotline.platform.outbox.OutboxRelay;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
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
 * <p>The relay sits on the path from an advisor's click to the infohus, so it does not wait for a poll: it LISTENs
 * on {@value #CHANNEL}, which a trigger on {@code outbox_event} notifies in the writing transaction (delivered at
 * commit, migration V90), and drains at once. A notification that comes while a drain runs makes it drain again
 * after. The poll on a Vert.x timer stays as the fallback for notifications lost while the LISTEN connection is
 * down. A full batch is followed at once by the next one. {@code hotline.outbox.listen=false} leaves the poll alone
 * (for comparing the two in a benchmark).
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);
    static final URI SOURCE = URI.create("/hotline-core");
    static final String CHANNEL = "hotline_outbox";

    private final OutboxRelay relay;
    private final Vertx vertx;
    private final Duration pollInterval;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final PgSubscriber subscriber;
    private final boolean listen;
    private volatile boolean stopping;
    private long timer = -1;

    public OutboxPublisher(Pool pool, @Channel("outbox") MutinyEmitter<String> emitter, Clock clock, Vertx vertx,
                           @ConfigProperty(name = "hotline.outbox.batch-size", defaultValue = "500") int batchSize,
                           @ConfigProperty(name = "hotline.outbox.poll-interval", defaultValue = "PT0.5S") Duration pollInterval,
                           @ConfigProperty(name = "hotline.outbox.listen", defaultValue = "true") boolean listen,
                           @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                           @ConfigProperty(name = "quarkus.datasource.username") String user,
                           @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.relay = new OutboxRelay(pool, "outbox_event", OutboxMessages.through(emitter, SOURCE), clock, batchSize);
        this.vertx = vertx;
        this.pollInterval = pollInterval;
        this.listen = listen;
        this.subscriber = PgSubscriber.subscriber(vertx, PgConnectOptions.fromUri(url).setUser(user).setPassword(password))
                .reconnectPolicy(attempt -> stopping ? -1L : Math.min(30_000L, 500L * (attempt + 1)));
        subscriber.channel(CHANNEL).handler(ignored -> tick());
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(Math.max(1, pollInterval.toMillis()), id -> tick());
        if (!listen) {
            return;
        }
        subscriber.connect()
                .onFailure().invoke(e -> LOG.warnf("Outbox relay: LISTEN not connected yet (%s), polling meanwhile", e.getClass().getSimpleName()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(ok -> LOG.debug("Outbox relay: listening"), e -> { });
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        vertx.cancelTimer(timer);
        subscriber.closeAndForget();
    }

    /**
     * One run at a time on this instance; the relay's lock keeps it to one across instances. A wake-up during a run
     * is not dropped: the rows that woke it may have committed after the run read its batch.
     */
    private void tick() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        relay.drain().subscribe().with(
                ignored -> finished(),
                e -> {
                    LOG.warnf("Outbox relay could not publish (will retry): %s", e.getClass().getSimpleName());
                    running.set(false);
                });
    }

    private void finished() {
        running.set(false);
        if (again.get()) {
            tick();
        }
    }
}
