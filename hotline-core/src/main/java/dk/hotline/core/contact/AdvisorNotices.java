package dk.hotline.core.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Fans notices out to the advisors connected to any core instance. The Kafka consumer that sees a call connect
 * runs on one instance, and the advisor's browser may hold its stream on another: so a notice goes through
 * PostgreSQL ({@code pg_notify} on channel {@value #CHANNEL}), and every instance LISTENs and hands it to the
 * streams it holds. Notices carry no personal data (ids and the advisor's endpoint only).
 * <p>
 * If the notify fails, the notice is delivered to this instance's streams only; if an instance's LISTEN
 * connection is down, it reconnects by itself. Either way nothing is lost for good: every stream starts with the
 * advisor's open drafts, and a reconnect (which the browser's EventSource does by itself) replays them.
 */
@ApplicationScoped
public class AdvisorNotices {

    static final String CHANNEL = "hotline_advisor_notices";
    private static final Logger LOG = Logger.getLogger(AdvisorNotices.class);

    private final SerializedProcessor<AdvisorNotice, AdvisorNotice> bus = BroadcastProcessor.<AdvisorNotice>create().serialized();
    private final Pool pool;
    private final ObjectMapper json;
    private final PgSubscriber subscriber;
    private volatile boolean stopping;

    public AdvisorNotices(Pool pool, ObjectMapper json, Vertx vertx,
                          @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                          @ConfigProperty(name = "quarkus.datasource.username") String user,
                          @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.pool = pool;
        this.json = json;
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(user).setPassword(password);
        this.subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(attempt -> stopping ? -1L : Math.min(30_000L, 500L * (attempt + 1)));
        subscriber.channel(CHANNEL).handler(this::received);
    }

    void listen(@Observes StartupEvent event) {
        subscriber.connect()
                .onFailure().invoke(e -> LOG.warnf("Advisor notices: LISTEN not connected yet (%s), retrying", e.getClass().getSimpleName()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(ok -> LOG.debug("Advisor notices: listening"), e -> { });
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        subscriber.closeAndForget();
    }

    /** Sends the notice to the advisor's streams on every instance. */
    public void publish(AdvisorNotice notice) {
        String payload;
        try {
            payload = json.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            bus.onNext(notice);
            return;
        }
        pool.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(CHANNEL, payload))
                .subscribe().with(rows -> { }, e -> {
                    LOG.warnf("Advisor notice not sent through PostgreSQL (%s); delivered on this instance only", e.getClass().getSimpleName());
                    bus.onNext(notice);
                });
    }

    public Multi<AdvisorNotice> forEndpoint(String endpoint) {
        return Multi.createFrom().publisher(bus).filter(n -> endpoint.equals(n.advisorEndpoint()));
    }

    private void received(String payload) {
        try {
            bus.onNext(json.readValue(payload, AdvisorNotice.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("Unreadable advisor notice skipped (%s)", e.getClass().getSimpleName());
        }
    }
}
