package dk.hotline.core.callback;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Today's callbacks for the supervisor board (Danish calendar day), counts only, never a number: requested, made,
 * not made (given up at closing or past the retention limit), and calls abandoned in the queue without a callback
 * request. Indexes: {@code callback_request_requested}, {@code call_record_statistics_offered}.
 */
@ApplicationScoped
public class CallbackFigures {

    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    public record CallbacksToday(long requested, long made, long notMade, long abandonedWithoutRequest) {
    }

    static final String TODAY = """
            SELECT (SELECT count(*) FROM callback_request WHERE requested_at >= $1) AS requested,
                   (SELECT count(*) FROM callback_request WHERE requested_at >= $1 AND state = 'MADE') AS made,
                   (SELECT count(*) FROM callback_request WHERE requested_at >= $1 AND state IN ('NOT_MADE', 'EXPIRED')) AS not_made,
                   (SELECT count(*) FROM call_record r WHERE r.offered_at >= $1 AND r.state = 'ABANDONED'
                       AND NOT EXISTS (SELECT 1 FROM callback_request b WHERE b.call_id = r.call_id)) AS abandoned
            """;

    private final Pool pool;
    private final Clock clock;

    public CallbackFigures(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<CallbacksToday> today() {
        Instant dayStart = LocalDate.now(clock.withZone(DANISH)).atStartOfDay(DANISH).toInstant();
        return pool.preparedQuery(TODAY).execute(Tuple.of(CallbackRequests.utc(dayStart))).map(rows -> {
            Row r = rows.iterator().next();
            return new CallbacksToday(r.getLong("requested"), r.getLong("made"), r.getLong("not_made"), r.getLong("abandoned"));
        });
    }
}
