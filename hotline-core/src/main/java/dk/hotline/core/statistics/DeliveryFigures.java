package dk.hotline.core.statistics;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * What recipients did with the period's referrals, from routing's status events as core keeps them
 * ({@code referral_status}, one row per event): the recipient that owns each referral now (the latest ROUTED or
 * FORWARDED), whether it was accepted by its deadline (routing's deadline when it sent one, else core's), rejected or
 * still open, and the outcome the recipient recorded (OUTCOME_RECORDED). The deadline and recipient are routing's,
 * carried as data, never recomputed here.
 */
@ApplicationScoped
public class DeliveryFigures {

    public record Figures(Map<String, Map<String, Long>> counts, Map<String, String> recipientNames) {
    }

    static final String SQL = """
            WITH r AS (
              SELECT id, deadline_at FROM referral
               WHERE created_at >= $1 AND created_at < $2
                 AND ($3::text IS NULL OR site = $3) AND ($4::text IS NULL OR line = $4)),
            s AS (
              SELECT rs.referral_id,
                     (array_agg(rs.recipient_id ORDER BY rs.occurred_at DESC)
                        FILTER (WHERE rs.status IN ('ROUTED', 'FORWARDED') AND rs.recipient_id IS NOT NULL))[1] AS recipient,
                     (array_agg(rs.recipient_name ORDER BY rs.occurred_at DESC)
                        FILTER (WHERE rs.status IN ('ROUTED', 'FORWARDED') AND rs.recipient_id IS NOT NULL))[1] AS recipient_name,
                     (array_agg(rs.deadline_at ORDER BY rs.occurred_at DESC) FILTER (WHERE rs.deadline_at IS NOT NULL))[1] AS deadline_at,
                     min(rs.occurred_at) FILTER (WHERE rs.status = 'ACCEPTED') AS accepted_at,
                     bool_or(rs.status = 'REJECTED') AS rejected,
                     (array_agg(rs.outcome ORDER BY rs.occurred_at DESC) FILTER (WHERE rs.status = 'OUTCOME_RECORDED'))[1] AS outcome
                FROM referral_status rs JOIN r ON r.id = rs.referral_id
               GROUP BY rs.referral_id),
            j AS (
              SELECT coalesce(s.recipient, 'NOT_RECORDED') AS recipient, s.recipient_name,
                     CASE WHEN s.accepted_at IS NOT NULL AND s.accepted_at <= coalesce(s.deadline_at, r.deadline_at) THEN 'IN_TIME'
                          WHEN s.accepted_at IS NOT NULL THEN 'LATE'
                          WHEN s.rejected THEN 'REJECTED'
                          WHEN coalesce(s.deadline_at, r.deadline_at) < $5 THEN 'OPEN_OVERDUE'
                          ELSE 'OPEN' END AS deadline,
                     CASE WHEN s.outcome = 'CONFIRMED_CASE_STARTED' THEN 'CASE_STARTED'
                          WHEN s.outcome IS NOT NULL THEN s.outcome
                          ELSE 'NONE' END AS outcome
                FROM r LEFT JOIN s ON s.referral_id = r.id)
            SELECT GROUPING(recipient) AS g_recipient, GROUPING(deadline) AS g_deadline, GROUPING(outcome) AS g_outcome,
                   recipient, max(recipient_name) AS recipient_name, deadline, outcome, count(*) AS n
              FROM j
             GROUP BY GROUPING SETS ((recipient), (deadline), (outcome))
            """;

    private final Clock clock;

    public DeliveryFigures(Clock clock) {
        this.clock = clock;
    }

    Uni<Figures> figures(Pool pool, Tuple periodAndSelection) {
        Tuple args = Tuple.tuple();
        for (int i = 0; i < periodAndSelection.size(); i++) {
            args.addValue(periodAndSelection.getValue(i));
        }
        args.addValue(clock.instant().atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(SQL).execute(args).map(rows -> {
            Map<String, Map<String, Long>> counts = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            for (Row row : rows) {
                for (String dim : new String[] {"recipient", "deadline", "outcome"}) {
                    if (row.getInteger("g_" + dim) == 0) {
                        counts.computeIfAbsent(dim, d -> new HashMap<>()).merge(row.getString(dim), row.getLong("n"), Long::sum);
                    }
                }
                if (row.getInteger("g_recipient") == 0 && row.getString("recipient_name") != null) {
                    names.put(row.getString("recipient"), row.getString("recipient_name"));
                }
            }
            return new Figures(counts, names);
        });
    }
}
