package dk.hotline.platform.crypto;

import dk.hotline.platform.jobs.PeriodicJobs;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The re-encryption job: rewrites every sealed value that is not under the
 * current key and format (an older key after a rotation, or AES-GCM from before
 * Tink) to the current key, bound to its row. It walks each column in id
 * order, a batch at a time, and writes each value back only if it is still the
 * one it read (a concurrent change wins). A value that does not open is left
 * as it is and counted; its place is logged, never its content.
 *
 * <p>Runs every {@code hotline.resealing.interval} (default one hour) on each
 * instance; two instances resealing at once do no harm, the second finds
 * nothing left or loses the compare-and-set.
 */
@ApplicationScoped
public class Resealing {

    private static final Logger LOG = Logger.getLogger(Resealing.class);
    private static final int BATCH = 200;

    /** What one run did. */
    public record Outcome(int resealed, int refused) {
        Outcome plus(Outcome other) {
            return new Outcome(resealed + other.resealed, refused + other.refused);
        }
    }

    private final Pool pool;
    private final FieldCipher cipher;
    private final SealedColumns columns;
    private final Duration interval;

    public Resealing(Pool pool, FieldCipher cipher, SealedColumns columns,
                     @ConfigProperty(name = "hotline.resealing.interval", defaultValue = "PT1H") Duration interval) {
        this.pool = pool;
        this.cipher = cipher;
        this.columns = columns;
        this.interval = interval;
    }

    void start(@Observes StartupEvent event, PeriodicJobs jobs) {
        jobs.every("resealing", interval, () -> run().invoke(done -> {
            if (done.resealed() > 0 || done.refused() > 0) {
                LOG.infof("Resealed %d values under the current data key; %d did not open", done.resealed(), done.refused());
            }
        }));
    }

    /** Reseals every column of the service. */
    public Uni<Outcome> run() {
        return Multi.createFrom().iterable(columns.all()).onItem().transformToUniAndConcatenate(this::reseal)
                .collect().in(() -> new Outcome[] {new Outcome(0, 0)}, (sum, one) -> sum[0] = sum[0].plus(one))
                .map(sum -> sum[0]);
    }

    /** Reseals one column. */
    public Uni<Outcome> reseal(SealedColumn column) {
        return page(column, null, new Outcome(0, 0));
    }

    private Uni<Outcome> page(SealedColumn column, Object after, Outcome sofar) {
        String prefix = cipher.currentPrefix();
        String sql = "SELECT " + column.idColumn() + ", " + column.column() + " FROM " + column.table()
                + " WHERE " + column.column() + " IS NOT NULL AND left(" + column.column() + ", " + prefix.length() + ") <> $1"
                + (after == null ? "" : " AND " + column.idColumn() + " > $2")
                + " ORDER BY " + column.idColumn() + " LIMIT " + BATCH;
        Tuple args = after == null ? Tuple.of(prefix) : Tuple.of(prefix, after);
        return pool.preparedQuery(sql).execute(args).chain(rows -> {
            List<Row> batch = new ArrayList<>();
            rows.forEach(batch::add);
            if (batch.isEmpty()) {
                return Uni.createFrom().item(sofar);
            }
            Object last = batch.get(batch.size() - 1).getValue(0);
            return Multi.createFrom().iterable(batch).onItem().transformToUniAndConcatenate(row -> resealRow(column, row))
                    .collect().in(() -> new Outcome[] {sofar}, (sum, one) -> sum[0] = sum[0].plus(one))
                    .chain(sum -> batch.size() < BATCH ? Uni.createFrom().item(sum[0]) : page(column, last, sum[0]));
        });
    }

    private Uni<Outcome> resealRow(SealedColumn column, Row row) {
        Object id = row.getValue(0);
        String stored = row.getString(1);
        String resealed;
        try {
            resealed = cipher.seal(column, id, cipher.open(column, id, stored));
        } catch (SealedValueRefusedException e) {
            LOG.warnf("A value in %s does not open and stays as it is: %s", column, e.getMessage());
            return Uni.createFrom().item(new Outcome(0, 1));
        }
        String update = "UPDATE " + column.table() + " SET " + column.column() + " = $1 WHERE "
                + column.idColumn() + " = $2 AND " + column.column() + " = $3";
        return pool.preparedQuery(update).execute(Tuple.of(resealed, id, stored))
                .map(RowSet::rowCount).map(changed -> new Outcome(changed, 0));
    }
}
