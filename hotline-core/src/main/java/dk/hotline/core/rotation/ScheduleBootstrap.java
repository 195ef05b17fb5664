package dk.hotline.core.rotation;

import dk.hotline.core.rotation.domain.RotationSchedule;
import dk.hotline.platform.jobs.OncePerCluster;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Gives a new installation the documented default schedule, so the on-duty
 * query answers out of the box, and republishes the schedule at start-up and
 * every night so a replica's horizon keeps moving on.
 */
@ApplicationScoped
public class ScheduleBootstrap {

    private static final Logger LOG = Logger.getLogger(ScheduleBootstrap.class);

    private final ScheduleDocument document;
    private final SchedulePublisher publisher;
    private final RotationService rotation;
    private final Clock clock;
    private final OncePerCluster once;

    public ScheduleBootstrap(ScheduleDocument document, SchedulePublisher publisher, RotationService rotation, Clock clock,
                             Pool pool) {
        this.document = document;
        this.publisher = publisher;
        this.rotation = rotation;
        this.clock = clock;
        this.once = new OncePerCluster(pool);
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::seedIfEmpty)
                .onFailure().invoke(e -> LOG.warnf("Default schedule not seeded (another instance may have done it): %s",
                        e.getClass().getSimpleName()))
                .onFailure().recoverWithNull());
        VertxContextSupport.subscribeAndAwait(this::republish);
    }

    @Scheduled(cron = "0 5 0 * * ?", timeZone = "Europe/Copenhagen")
    Uni<Void> nightly() {
        // Once per cluster, not once per instance (docs/decisions/periodic-jobs.md); at start-up each instance
        // republishes for itself, which the compacted topic absorbs.
        return once.run("schedule republish", this::republish).replaceWithVoid();
    }

    Uni<Void> republish() {
        return Panache.withTransaction(() -> rotation.current().flatMap(publisher::publish));
    }

    private Uni<Void> seedIfEmpty() {
        return StoredSchedule.<StoredSchedule>findById(StoredSchedule.THE_ROW).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            RotationSchedule defaults = RotationSchedule.defaults();
            StoredSchedule row = new StoredSchedule();
            row.id = StoredSchedule.THE_ROW;
            row.document = document.write(defaults);
            row.updatedAt = clock.instant();
            row.updatedBy = "system (default schedule)";
            LOG.info("Seeded the default rotation schedule (docs/rotation.md)");
            return row.persist().replaceWithVoid();
        });
    }
}
