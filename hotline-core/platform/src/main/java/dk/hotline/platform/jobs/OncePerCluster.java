package dk.hotline.platform.jobs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a periodic job on one instance of a service at a time, however many instances run: the job runs only while
 * its instance holds PostgreSQL's transaction-level advisory lock for the job's name
 * ({@code pg_try_advisory_xact_lock}); an instance that finds the lock held skips that run. The lock lives in a
 * transaction on its own connection that stays open for the job's whole run, so it ends with the run, and with the
 * connection when an instance dies: no lease to expire, nothing to clean up. Every instance fires its timer or cron
 * at the same time; the jobs are idempotent, so an instance whose clock lags past the end of another's run finds
 * nothing left to do. Why a lock and not leader election: docs/decisions/periodic-jobs.md.
 */
public final class OncePerCluster {

    /** First half of the two-int key ("HLJB"): keeps these locks apart from any other advisory lock of the database. */
    static final int NAMESPACE = 0x484C4A42;

    private final Pool pool;

    public OncePerCluster(Pool pool) {
        this.pool = Objects.requireNonNull(pool);
    }

    /**
     * Runs {@code job} if no other instance runs the job of this name now. Answers the job's result, or empty when
     * another instance holds the lock (the job was not started). A failure of the job is passed on, and releases
     * the lock like a success does.
     */
    public <T> Uni<Optional<T>> run(String name, Supplier<Uni<T>> job) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_try_advisory_xact_lock($1, $2) AS held")
                .execute(Tuple.of(NAMESPACE, key(name)))
                .chain(rows -> {
                    Row row = rows.iterator().next();
                    if (!row.getBoolean("held")) {
                        return Uni.createFrom().item(Optional.<T>empty());
                    }
                    return Uni.createFrom().<T>deferred(job::get).map(Optional::ofNullable);
                }));
    }

    /** Second half of the key: String.hashCode is specified, so every instance and version computes the same one. */
    static int key(String name) {
        return name.hashCode();
    }
}
