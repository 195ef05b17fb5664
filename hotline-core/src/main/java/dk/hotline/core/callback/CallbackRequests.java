package dk.hotline.core.callback;

import dk.hotline.platform.crypto.SealedColumn;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The callback requests in {@code callback_request}, in plain SQL: the claim needs {@code FOR UPDATE SKIP LOCKED}.
 * The caller's number is sealed to its row on the way in, opened only for the adapter that claimed the request, and
 * set to NULL by every step that closes a request. Each statement that writes or reads a number also writes its
 * audit entry in the same transaction.
 *
 * <p>States: REQUESTED → CLAIMED (lease) → DIALLING → MADE | NOT_REACHED, or back to REQUESTED when the advisor's
 * phone was not reached (the caller was never dialled); REQUESTED/CLAIMED → NOT_MADE at closing; any open state →
 * EXPIRED after the retention limit. A request in DIALLING is never handed out again: at most one call per request.
 */
@ApplicationScoped
public class CallbackRequests {

    /** The number is sealed to its row: a ciphertext copied to another row or column does not open there. */
    public static final SealedColumn NUMBER = new SealedColumn("callback_request", "id", "caller_number");

    /** A request handed to one adapter: everything it needs to place the callback. */
    public record Claimed(UUID id, String callId, String line, String site, String number, Instant leaseUntil) {
    }

    /** What became of the callback, as the adapter saw it on AMI. */
    public enum Outcome { MADE, CALLER_NOT_REACHED, ADVISOR_NOT_REACHED }

    private static final String OPEN_FOR_CLAIM = "(state = 'REQUESTED' OR (state = 'CLAIMED' AND lease_until < $4))";

    private final Pool pool;

    public CallbackRequests(Pool pool) {
        this.pool = pool;
    }

    /** Records a request; the same call asking twice gets its first request back ({@code created} false). */
    public Uni<Recorded> record(String actor, String callId, String line, String site, String number, Instant now) {
        UUID id = UUID.randomUUID();
        return pool.withTransaction(c -> c.preparedQuery("""
                        INSERT INTO callback_request (id, call_id, line, site, caller_number, state, requested_at)
                        VALUES ($1, $2, $3, $4, $5, 'REQUESTED', $6) ON CONFLICT (call_id) DO NOTHING RETURNING id""")
                .execute(Tuple.of(id, callId, line, site, NUMBER.seal(id, number), utc(now)))
                .flatMap(rows -> rows.rowCount() == 1
                        ? audit(c, now, actor, "CREATE", id, "callback requested").replaceWith(new Recorded(id, true))
                        : c.preparedQuery("SELECT id FROM callback_request WHERE call_id = $1").execute(Tuple.of(callId))
                                .map(existing -> new Recorded(existing.iterator().next().getUUID("id"), false))));
    }

    public record Recorded(UUID id, boolean created) {
    }

    /** Hands the line's oldest open request to {@code holder} until {@code leaseUntil}; none when nothing is due. */
    public Uni<Optional<Claimed>> claim(String actor, String line, String holder, Instant now, Instant leaseUntil) {
        return pool.withTransaction(c -> c.preparedQuery("""
                        UPDATE callback_request SET state = 'CLAIMED', holder = $2, lease_until = $3
                         WHERE id = (SELECT id FROM callback_request WHERE line = $1 AND %s
                                      ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                           AND %s
                     RETURNING id, call_id, line, site, caller_number, lease_until""".formatted(OPEN_FOR_CLAIM, OPEN_FOR_CLAIM))
                .execute(Tuple.of(line, holder, utc(leaseUntil), utc(now)))
                .flatMap(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(Optional.<Claimed>empty());
                    }
                    Row r = rows.iterator().next();
                    UUID id = r.getUUID("id");
                    Claimed claimed = new Claimed(id, r.getString("call_id"), r.getString("line"), r.getString("site"),
                            NUMBER.open(id, r.getString("caller_number")), r.getOffsetDateTime("lease_until").toInstant());
                    return audit(c, now, actor, "READ", id, "callback claimed by " + holder).replaceWith(Optional.of(claimed));
                }));
    }

    /** The holder is about to dial: true when it still holds the lease. From here on the request is never re-issued. */
    public Uni<Boolean> dialling(String holder, UUID id, Instant now) {
        return pool.preparedQuery("""
                        UPDATE callback_request SET state = 'DIALLING', dialled_at = $3, lease_until = NULL
                         WHERE id = $1 AND state = 'CLAIMED' AND holder = $2 AND lease_until >= $3""")
                .execute(Tuple.of(id, holder, utc(now))).map(rows -> rows.rowCount() == 1);
    }

    /** Records the outcome of a dialling request; false when it is not this holder's dialling request. */
    public Uni<Boolean> outcome(String actor, String holder, UUID id, Outcome outcome, Instant now) {
        String sql = switch (outcome) {
            case MADE -> "UPDATE callback_request SET state = 'MADE', caller_number = NULL, closed_at = $3";
            case CALLER_NOT_REACHED -> "UPDATE callback_request SET state = 'NOT_REACHED', caller_number = NULL, closed_at = $3";
            // Only the advisor's phone rang: the caller was never dialled, so the request may be handed out again.
            case ADVISOR_NOT_REACHED -> "UPDATE callback_request SET state = 'REQUESTED', holder = NULL, dialled_at = NULL, lease_until = NULL";
        };
        String action = outcome == Outcome.ADVISOR_NOT_REACHED ? "UPDATE" : "DELETE";
        Tuple args = outcome == Outcome.ADVISOR_NOT_REACHED ? Tuple.of(id, holder) : Tuple.of(id, holder, utc(now));
        return pool.withTransaction(c -> c.preparedQuery(sql + " WHERE id = $1 AND state = 'DIALLING' AND holder = $2")
                .execute(args)
                .flatMap(rows -> rows.rowCount() == 1
                        ? audit(c, now, actor, action, id, "callback " + outcome + (action.equals("DELETE") ? ", number dropped" : "")).replaceWith(true)
                        : Uni.createFrom().item(false)));
    }

    /** The line has closed: its requests not yet dialled are given up (counted as not made) and their numbers dropped. */
    public Uni<Integer> closeLine(String actor, String line, Instant now) {
        return pool.withTransaction(c -> c.preparedQuery("""
                        WITH closed AS (UPDATE callback_request SET state = 'NOT_MADE', caller_number = NULL, closed_at = $2,
                                               holder = NULL, lease_until = NULL
                                         WHERE line = $1 AND state IN ('REQUESTED', 'CLAIMED') RETURNING id)
                        INSERT INTO audit_entry (at, actor, actor_role, action, record_type, record_id, reason)
                        SELECT $2, $3, 'service', 'DELETE', 'callback_request', id::text, 'line closed, number dropped' FROM closed""")
                .execute(Tuple.of(line, utc(now), actor)).map(RowSet::rowCount));
    }

    private static Uni<Void> audit(SqlConnection c, Instant now, String actor, String action, UUID id, String reason) {
        return c.preparedQuery("""
                        INSERT INTO audit_entry (at, actor, actor_role, action, record_type, record_id, reason)
                        VALUES ($1, $2, 'service', $3, 'callback_request', $4, $5)""")
                .execute(Tuple.of(utc(now), actor, action, id.toString(), reason)).replaceWithVoid();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
