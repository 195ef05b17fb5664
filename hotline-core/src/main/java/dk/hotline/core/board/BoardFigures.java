package dk.hotline.core.board;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What core itself knows for the supervisor board, in two SQL aggregates: today's calls (Danish calendar day) per
 * site and line, and the referrals not yet accepted or rejected whose deadline is near or past. The deadline is
 * routing's when it sent one (hotline.deliveries), else core's own; it is carried as data, never recomputed.
 * Indexes: {@code call_record_statistics_offered}, {@code referral_statistics_created}, {@code referral_status_referral}.
 */
@ApplicationScoped
public class BoardFigures {

    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    /** Today's calls of one site and line (either may be null for calls not routed to one). */
    public record CallsToday(String site, String line, long offered, long answered, long abandoned) {
    }

    /** A referral that still waits for its recipient, with its deadline. Ids and organisations only. */
    public record OpenReferral(UUID id, String site, String line, String severity, Instant deadline, String status,
                               String recipientName, boolean overdue) {
    }

    static final String CALLS_TODAY = """
            SELECT site, line, count(*) AS offered,
                   count(*) FILTER (WHERE connected_at IS NOT NULL) AS answered,
                   count(*) FILTER (WHERE state = 'ABANDONED') AS abandoned
              FROM call_record
             WHERE offered_at >= $1
             GROUP BY site, line
             ORDER BY site, line
            """;

    static final String OPEN_REFERRALS = """
            WITH r AS (
              SELECT id, site, line, severity, deadline_at FROM referral WHERE created_at >= $1),
            s AS (
              SELECT rs.referral_id,
                     (array_agg(rs.status ORDER BY rs.occurred_at DESC))[1] AS status,
                     (array_agg(rs.recipient_name ORDER BY rs.occurred_at DESC)
                        FILTER (WHERE rs.recipient_name IS NOT NULL))[1] AS recipient_name,
                     (array_agg(rs.deadline_at ORDER BY rs.occurred_at DESC)
                        FILTER (WHERE rs.deadline_at IS NOT NULL))[1] AS deadline_at,
                     bool_or(rs.status IN ('ACCEPTED', 'REJECTED', 'OUTCOME_RECORDED')) AS settled
                FROM referral_status rs JOIN r ON r.id = rs.referral_id
               GROUP BY rs.referral_id)
            SELECT r.id, r.site, r.line, r.severity, coalesce(s.deadline_at, r.deadline_at) AS deadline, s.status,
                   s.recipient_name
              FROM r LEFT JOIN s ON s.referral_id = r.id
             WHERE NOT coalesce(s.settled, false) AND coalesce(s.deadline_at, r.deadline_at) < $2
             ORDER BY deadline
            """;

    private final Pool pool;
    private final Clock clock;
    private final Duration warning;
    private final Duration lookBack;

    public BoardFigures(Pool pool, Clock clock,
                        @ConfigProperty(name = "hotline.board.deadline-warning") Duration warning,
                        @ConfigProperty(name = "hotline.board.referral-look-back") Duration lookBack) {
        this.pool = pool;
        this.clock = clock;
        this.warning = warning;
        this.lookBack = lookBack;
    }

    public Uni<List<CallsToday>> callsToday() {
        Instant dayStart = LocalDate.now(clock.withZone(DANISH)).atStartOfDay(DANISH).toInstant();
        return pool.preparedQuery(CALLS_TODAY).execute(Tuple.of(utc(dayStart))).map(rows -> {
            List<CallsToday> out = new ArrayList<>();
            for (Row row : rows) {
                out.add(new CallsToday(row.getString("site"), row.getString("line"), row.getLong("offered"),
                        row.getLong("answered"), row.getLong("abandoned")));
            }
            return out;
        });
    }

    /** Open referrals whose deadline is past or within the warning period, soonest first. */
    public Uni<List<OpenReferral>> nearOrPastDeadline() {
        Instant now = clock.instant();
        return pool.preparedQuery(OPEN_REFERRALS).execute(Tuple.of(utc(now.minus(lookBack)), utc(now.plus(warning))))
                .map(rows -> {
                    List<OpenReferral> out = new ArrayList<>();
                    for (Row row : rows) {
                        Instant deadline = row.getOffsetDateTime("deadline").toInstant();
                        out.add(new OpenReferral(row.getUUID("id"), row.getString("site"), row.getString("line"),
                                row.getString("severity"), deadline, row.getString("status"),
                                row.getString("recipient_name"), deadline.isBefore(now)));
                    }
                    return out;
                });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
