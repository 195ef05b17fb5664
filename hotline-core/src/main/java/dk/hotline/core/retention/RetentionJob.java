package dk.hotline.core.retention;

import dk.hotline.platform.jobs.OncePerCluster;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies {@link RetentionPeriods} every night: deletes drafts never finalised, anonymises old advice logs,
 * referrals and call records (statistics kept; free text, contact data, names and hashes dropped), drops old
 * caller-number hashes, and deletes published outbox rows and consumed event ids. All in one transaction, and each
 * affected record leaves an audit entry by {@code system:retention} in the same statement that changed it.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    static final String ACTOR = "system:retention";

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

    @Scheduled(cron = "0 30 2 * * ?", timeZone = "Europe/Copenhagen", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> nightly() {
        // Every instance's cron fires; the one holding the job's lock runs it (docs/decisions/periodic-jobs.md)
        return once.run("core retention", () -> run(clock.instant()))
                .invoke(done -> done.ifPresentOrElse(d -> LOG.infof("Retention applied: %s", d),
                        () -> LOG.info("Retention left to another instance")))
                .onFailure().invoke(e -> LOG.errorf("Retention failed, nothing changed (will run again tomorrow): %s", e.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Applies the periods as of {@code now}; answers how many records of each kind were deleted or anonymised. */
    public Uni<Map<String, Integer>> run(Instant now) {
        return pool.withTransaction(c -> {
            Map<String, Integer> done = new LinkedHashMap<>();
            return step(c, done, "drafts deleted", now, periods.draft(), """
                            WITH gone AS (DELETE FROM contact WHERE status = 'DRAFT' AND updated_at < $1 RETURNING id)
                            INSERT INTO audit_entry (at, actor, actor_role, action, record_type, record_id, reason)
                            SELECT $2, $3, 'system', 'DELETE', 'contact', id::text, $4 FROM gone""")
                    .chain(() -> step(c, done, "amendments of anonymised logs deleted", now, periods.adviceLog(), """
                            WITH gone AS (DELETE FROM contact_amendment a USING contact c
                                           WHERE a.contact_id = c.id AND c.status = 'FINAL' AND c.finalised_at < $1
                                       RETURNING a.id)
                            INSERT INTO audit_entry (at, actor, actor_role, action, record_type, record_id, reason)
                            SELECT $2, $3, 'system', 'DELETE', 'contact-amendment', id::text, $4 FROM gone"""))
                    .chain(() -> step(c, done, "advice logs anonymised", now, periods.adviceLog(), """
                            WITH changed AS (UPDATE contact SET summary = NULL, advisor_endpoint = NULL, created_by = NULL,
                                                    updated_by = NULL, finalised_by = NULL, anonymised_at = $2
                                              WHERE status = 'FINAL' AND finalised_at < $1 AND anonymised_at IS NULL
                                          RETURNING id)
                            INSERT INTO audit_entry (at, actor, actor_role, action, record_type, record_id, reason)
                            SELECT $2, $3, 'system', 'ANONYMISE', 'contact', id::text, $4 FROM changed"""))
                    .chain(() -> step(c, done, "transfer notes of anonymised logs dropped", now, periods.adviceLog(), """
                            WITH changed AS (UPDATE call_transfer SET note = NULL, from_endpoint = NULL, requested_by = NULL,
                                                    target_endpoint = NULL, to_endpoint = NULL
                                              WHERE requested_at < $1 AND from_endpoint IS NOT NULL
                                                AND (contact_id IS NULL OR contact_id IN (SELECT id FROM contact WHERE anonymised_at IS NOT NULL))
                                          RETURNING id)
                            INSERT INTO audit_entry (at, actor, actor_role, action, record_type, record_id, reason)
                            SELECT $2, $3, 'system', 'ANONYMISE', 'call_transfer', id::text, $4 FROM changed"""))
                    .chain(() -> step(c, done, "advisors of anonymised logs dropped", now, periods.adviceLog(), """
                            WITH gone AS (DELETE FROM contact_advisor a USING contact c
                                           WHERE a.contact_id = c.id AND c.anonymised_at IS NOT NULL AND c.finalised_at < $1
                                       RETURNING a.id)
                            INSERT INTO audit_entry (at, actor, actor_role, action, record_type, record_id, reason)
                            SELECT $2, $3, 'system', 'DELETE', 'contact-advisor', id::text, $4 FROM gone"""))
                    .chain(() -> step(c, done, "referrals anonymised", now, periods.referral(), """
                            WITH changed AS (UPDATE referral SET description = NULL, caller_name = NULL, caller_phone = NULL,
                                                    caller_email = NULL, idempotency_key = NULL, created_by = NULL, anonymised_at = $2
                                              WHERE created_at < $1 AND anonymised_at IS NULL
                                          RETURNING id)
                            INSERT INTO audit_entry (at, actor, actor_role, action, record_type, record_id, reason)
                            SELECT $2, $3, 'system', 'ANONYMISE', 'referral', id::text, $4 FROM changed"""))
                    .chain(() -> step(c, done, "caller hashes dropped", now, periods.callerHash(), """
                            WITH changed AS (UPDATE call_record SET caller_hash = NULL
                                              WHERE caller_hash IS NOT NULL AND coalesce(offered_at, last_event_at) < $1
                                          RETURNING call_id)
                            INSERT INTO audit_entry (at, actor, actor_role, action, record_type, record_id, reason)
                            SELECT $2, $3, 'system', 'ANONYMISE', 'call-caller-hash', call_id, $4 FROM changed"""))
                    .chain(() -> step(c, done, "call records anonymised", now, periods.callRecord(), """
                            WITH changed AS (UPDATE call_record SET advisor_endpoint = NULL, caller_hash = NULL, anonymised_at = $2
                                              WHERE last_event_at < $1 AND anonymised_at IS NULL
                                          RETURNING call_id)
                            INSERT INTO audit_entry (at, actor, actor_role, action, record_type, record_id, reason)
                            SELECT $2, $3, 'system', 'ANONYMISE', 'call', call_id, $4 FROM changed"""))
                    .chain(() -> callbackNumbers(c, done, now))
                    .chain(() -> plainStep(c, done, "published events deleted", now, periods.publishedEvent(),
                            "DELETE FROM outbox_event WHERE published_at < $1"))
                    .chain(() -> plainStep(c, done, "consumed event ids deleted", now, periods.processedEvent(),
                            "DELETE FROM processed_event WHERE processed_at < $1"))
                    .replaceWith(done);
        });
    }

    /**
     * Callback numbers past their limit, every few minutes as well as nightly: a limit of hours must not wait for the
     * night. Not once-per-cluster: the statement is idempotent and touches only what is due.
     */
    @Scheduled(every = "${hotline.callback.expiry-check}", delayed = "${hotline.callback.expiry-check}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> callbackNumbersDue() {
        return pool.withTransaction(c -> callbackNumbers(c, new LinkedHashMap<>(), clock.instant()))
                .onFailure().invoke(e -> LOG.errorf("Dropping due callback numbers failed (tried again shortly): %s",
                        e.getClass().getSimpleName()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> callbackNumbers(SqlConnection c, Map<String, Integer> done, Instant now) {
        return step(c, done, "callback numbers dropped", now, periods.callbackNumber(), """
                WITH changed AS (UPDATE callback_request SET caller_number = NULL, holder = NULL, lease_until = NULL,
                                        closed_at = coalesce(closed_at, $2),
                                        state = CASE WHEN state IN ('REQUESTED', 'CLAIMED', 'DIALLING') THEN 'EXPIRED' ELSE state END
                                  WHERE caller_number IS NOT NULL AND requested_at < $1
                              RETURNING id)
                INSERT INTO audit_entry (at, actor, actor_role, action, record_type, record_id, reason)
                SELECT $2, $3, 'system', 'DELETE', 'callback_request', id::text, $4 FROM changed""");
    }

    /** A statement that changes personal records and writes their audit entries: $1 cut-off, $2 now, $3 actor, $4 reason. */
    private static Uni<Void> step(SqlConnection c, Map<String, Integer> done, String what, Instant now, Duration period, String sql) {
        return c.preparedQuery(sql).execute(Tuple.of(utc(now.minus(period)), utc(now), ACTOR, "retention " + period))
                .invoke(rows -> done.put(what, rows.rowCount())).replaceWithVoid();
    }

    /** A statement on rows that are not personal records of their own (event bookkeeping): counted, not audited. */
    private static Uni<Void> plainStep(SqlConnection c, Map<String, Integer> done, String what, Instant now, Duration period, String sql) {
        return c.preparedQuery(sql).execute(Tuple.of(utc(now.minus(period))))
                .invoke(rows -> done.put(what, rows.rowCount())).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
