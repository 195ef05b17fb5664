package dk.hotline.core.statistics;

import dk.hotline.core.statistics.domain.RawFigures;
import dk.hotline.core.statistics.domain.ReportPeriod;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report's aggregates, computed in PostgreSQL (GROUPING SETS, ordered-set percentiles) so that only a few
 * hundred numbers leave the database however many contacts the year holds. Months are Danish calendar months
 * ({@code AT TIME ZONE 'Europe/Copenhagen'}). Indexes: {@code contact_statistics_created},
 * {@code call_record_statistics_offered}, {@code referral_statistics_created} (V40).
 */
@ApplicationScoped
public class StatisticsQueries {

    /** A Danish month number of an instant column. */
    private static final String MONTH = "extract(month FROM %s AT TIME ZONE 'Europe/Copenhagen')::int";

    static final String CONTACTS = """
            WITH c AS (
              SELECT %s AS month,
                     coalesce(concern_category, 'NOT_RECORDED') AS concern,
                     coalesce(caller_role, 'NOT_RECORDED') AS role,
                     CASE WHEN caller_role = 'PROFESSIONAL' THEN coalesce(caller_sector, 'NOT_RECORDED') END AS sector,
                     coalesce(age_band, 'NOT_RECORDED') AS age,
                     coalesce(municipality_code, 'NOT_RECORDED') AS municipality,
                     coalesce(outcome, 'NOT_RECORDED') AS outcome
                FROM contact
               WHERE status = 'FINAL' AND created_at >= $1 AND created_at < $2
                 AND ($3::text IS NULL OR site = $3) AND ($4::text IS NULL OR line = $4))
            SELECT GROUPING(month) AS g_month, GROUPING(concern) AS g_concern, GROUPING(role) AS g_role,
                   GROUPING(sector) AS g_sector, GROUPING(age) AS g_age, GROUPING(municipality) AS g_municipality,
                   GROUPING(outcome) AS g_outcome,
                   month, concern, role, sector, age, municipality, outcome, count(*) AS n
              FROM c
             GROUP BY GROUPING SETS ((month), (concern), (role), (sector), (age), (municipality), (outcome))
            """.formatted(MONTH.formatted("created_at"));

    static final String CALLS = """
            SELECT %s AS month,
                   count(*) FILTER (WHERE state <> 'CLOSED') AS offered,
                   count(*) FILTER (WHERE connected_at IS NOT NULL) AS answered,
                   count(*) FILTER (WHERE state = 'ABANDONED' AND connected_at IS NULL) AS abandoned,
                   count(*) FILTER (WHERE state = 'CLOSED') AS while_closed
              FROM call_record
             WHERE offered_at >= $1 AND offered_at < $2
               AND ($3::text IS NULL OR site = $3) AND ($4::text IS NULL OR line = $4)
             GROUP BY 1
            """.formatted(MONTH.formatted("offered_at"));

    static final String DURATIONS = """
            SELECT count(wait_seconds) AS wait_n,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY wait_seconds) AS wait_median,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY wait_seconds) AS wait_p90,
                   count(talk_seconds) AS talk_n,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY talk_seconds) AS talk_median,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY talk_seconds) AS talk_p90
              FROM call_record
             WHERE offered_at >= $1 AND offered_at < $2 AND connected_at IS NOT NULL
               AND ($3::text IS NULL OR site = $3) AND ($4::text IS NULL OR line = $4)
            """;

    static final String REFERRALS = """
            SELECT severity, count(*) AS n
              FROM referral
             WHERE created_at >= $1 AND created_at < $2
               AND ($3::text IS NULL OR site = $3) AND ($4::text IS NULL OR line = $4)
             GROUP BY severity
            """;

    private final Pool pool;
    private final DeliveryFigures deliveries;

    public StatisticsQueries(Pool pool, DeliveryFigures deliveries) {
        this.pool = pool;
        this.deliveries = deliveries;
    }

    public Uni<RawFigures> figures(ReportPeriod period, String site, String line) {
        Tuple args = Tuple.of(OffsetDateTime.ofInstant(period.from(), ZoneOffset.UTC),
                OffsetDateTime.ofInstant(period.until(), ZoneOffset.UTC), site, line);
        Uni<RowSet<Row>> contacts = pool.preparedQuery(CONTACTS).execute(args);
        Uni<RowSet<Row>> calls = pool.preparedQuery(CALLS).execute(args);
        Uni<RowSet<Row>> durations = pool.preparedQuery(DURATIONS).execute(args);
        Uni<RowSet<Row>> referrals = pool.preparedQuery(REFERRALS).execute(args);
        Uni<DeliveryFigures.Figures> delivered = deliveries.figures(pool, args);
        return Uni.combine().all().unis(contacts, calls, durations, referrals, delivered).asTuple().map(t -> {
            Map<String, Map<String, Long>> byDimension = new HashMap<>();
            for (Row r : t.getItem1()) {
                for (String dim : new String[] {"month", "concern", "role", "sector", "age", "municipality", "outcome"}) {
                    if (r.getInteger("g_" + dim) == 0) {
                        Object value = r.getValue(dim);
                        if (value != null) {
                            byDimension.computeIfAbsent(dim, d -> new HashMap<>()).merge(value.toString(), r.getLong("n"), Long::sum);
                        }
                    }
                }
            }
            Map<Integer, RawFigures.CallMonth> callMonths = new HashMap<>();
            for (Row r : t.getItem2()) {
                callMonths.put(r.getInteger("month"), new RawFigures.CallMonth(r.getLong("offered"), r.getLong("answered"),
                        r.getLong("abandoned"), r.getLong("while_closed")));
            }
            Row d = t.getItem3().iterator().next();
            Map<String, Map<String, Long>> referralDims = new HashMap<>(t.getItem5().counts());
            Map<String, Long> severities = new LinkedHashMap<>();
            for (Row r : t.getItem4()) {
                severities.put(r.getString("severity"), r.getLong("n"));
            }
            referralDims.put("severity", severities);
            return new RawFigures(byDimension, callMonths,
                    new RawFigures.Durations(d.getLong("wait_n"), d.getDouble("wait_median"), d.getDouble("wait_p90")),
                    new RawFigures.Durations(d.getLong("talk_n"), d.getDouble("talk_median"), d.getDouble("talk_p90")),
                    referralDims, t.getItem5().recipientNames());
        });
    }
}
