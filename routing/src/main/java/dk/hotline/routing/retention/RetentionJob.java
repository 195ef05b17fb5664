package dk.hotline.routing.retention;

import dk.hotline.platform.jobs.OncePerCluster;
import dk.hotline.platform.jobs.PeriodicJobs;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies {@link RetentionPeriods}: anonymises old referral copies (routing statistics kept; description, caller
 * contact and rejection reason dropped), deletes published status events, finished webhook deliveries and finished
 * e-mail notifications. One transaction; each anonymised referral leaves an audit entry by {@code system:retention}
 * in the same statement.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final Pool pool;
    private final RetentionPeriods periods;
    private final Clock clock;
    private final OncePerCluster once;

    public RetentionJob(Pool pool, RetentionPeriods periods, Clock clock) {
        this.pool = pool;
        this.periods = periods;
        this.clock = clock;
        this.once = new OncePerCluster(pool);
    }

    void start(@Observes StartupEvent event, PeriodicJobs jobs) {
        // Every instance's timer fires; the one holding the job's lock runs it (docs/decisions/periodic-jobs.md)
        jobs.every("retention", periods.interval(), () -> once.run("routing retention", () -> run(clock.instant()))
                .invoke(ran -> ran.ifPresent(done -> {
                    if (done.values().stream().anyMatch(n -> n > 0)) {
                        LOG.infof("Retention applied: %s", done);
                    }
                })));
    }

    /** Applies the periods as of {@code now}; answers how many records of each kind were changed. */
    public Uni<Map<String, Integer>> run(Instant now) {
        return pool.withTransaction(c -> {
            Map<String, Integer> done = new LinkedHashMap<>();
            return count(c, done, "referrals anonymised", """
                            WITH changed AS (UPDATE referral SET description = NULL, caller_name = NULL, caller_phone = NULL,
                                                    caller_email = NULL, decision_reason = NULL, forward_reason = NULL,
                                                    outcome_note = NULL, anonymised_at = $2
                                              WHERE created_at < $1 AND anonymised_at IS NULL
                                          RETURNING referral_id)
                            INSERT INTO audit_entry (at, actor, actor_role, action, record_type, record_id, reason)
                            SELECT $2, 'system:retention', 'system', 'ANONYMISE', 'referral', referral_id, $3 FROM changed""",
                    Tuple.of(utc(now.minus(periods.referral())), utc(now), "retention " + periods.referral()))
                    .chain(() -> count(c, done, "published events deleted",
                            "DELETE FROM outbox_event WHERE published_at < $1", Tuple.of(utc(now.minus(periods.publishedEvent())))))
                    .chain(() -> count(c, done, "finished deliveries deleted",
                            "DELETE FROM webhook_delivery WHERE coalesce(delivered_at, dead_at) < $1",
                            Tuple.of(utc(now.minus(periods.finishedDelivery())))))
                    // A given-up e-mail has no finish time of its own: its last scheduled attempt is when it ended
                    .chain(() -> count(c, done, "finished e-mails deleted",
                            "DELETE FROM mail_notification WHERE state IN ('SENT', 'DEAD')"
                                    + " AND coalesce(sent_at, next_attempt_at) < $1",
                            Tuple.of(utc(now.minus(periods.finishedMail())))))
                    .replaceWith(done);
        });
    }

    private static Uni<Void> count(SqlConnection c, Map<String, Integer> done, String what, String sql, Tuple args) {
        return c.preparedQuery(sql).execute(args).invoke(rows -> done.put(what, rows.rowCount())).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
