package dk.hotline.platform.jobs;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs the pollers (outbox, webhook deliveries, deadlines) on Vert.x timers. Quarkus' scheduler does not go below
 * one second, and the outbox and webhook pollers sit on the latency path. Each run gets its own duplicated context
 * (what Hibernate Reactive needs) and a run never overlaps the previous one of the same job.
 */
@ApplicationScoped
public class PeriodicJobs {

    private static final Logger LOG = Logger.getLogger(PeriodicJobs.class);

    private final Vertx vertx;
    private final List<Long> timers = new CopyOnWriteArrayList<>();

    public PeriodicJobs(Vertx vertx) {
        this.vertx = vertx;
    }

    public void every(String name, Duration interval, Supplier<Uni<?>> job) {
        AtomicBoolean running = new AtomicBoolean();
        Context root = vertx.getOrCreateContext();
        timers.add(vertx.setPeriodic(Math.max(1, interval.toMillis()), id -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            Context context = VertxContext.createNewDuplicatedContext(root);
            io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> {
                Uni<?> run;
                try {
                    run = job.get();
                } catch (RuntimeException e) {
                    running.set(false);
                    LOG.warnf("%s failed: %s", name, e.toString());
                    return;
                }
                run.subscribe().with(done -> running.set(false), failure -> {
                    running.set(false);
                    LOG.warnf("%s failed, will run again: %s", name, failure.toString());
                });
            });
        }));
    }

    void stop(@Observes ShutdownEvent event) {
        timers.forEach(vertx::cancelTimer);
    }
}
