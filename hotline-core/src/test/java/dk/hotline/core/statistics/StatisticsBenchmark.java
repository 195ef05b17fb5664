package dk.hotline.core.statistics;

import dk.hotline.core.statistics.domain.ReportPeriod;
import dk.hotline.core.statistics.domain.YearlyReport;
import dk.hotline.core.support.OnVertx;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (surefire does not pick up *Benchmark): the yearly report over a year of 100,000 finalised
 * contacts, 100,000 calls and 20,000 referrals, written by generate_series into a database of its own. Prints the
 * timings (the target, ≤ 1 s, is judged in docs/BENCHMARKS.md, not asserted). How to run: docs/BENCHMARKS.md.
 */
@QuarkusTest
class StatisticsBenchmark {

    static final int YEAR = 2040;
    static final int CONTACTS = Integer.getInteger("benchmark.contacts", 100_000);
    static final int RUNS = Integer.getInteger("benchmark.runs", 20);

    @Inject
    Pool pool;

    @Inject
    StatisticsService statistics;

    @Test
    void yearlyReportOverAHundredThousandContacts() {
        sql("DELETE FROM referral WHERE created_at >= '2040-01-01' AND created_at < '2041-01-01'");
        sql("DELETE FROM contact WHERE created_at >= '2040-01-01' AND created_at < '2041-01-01'");
        sql("DELETE FROM call_record WHERE offered_at >= '2040-01-01' AND offered_at < '2041-01-01'");
        long seconds = 365L * 24 * 3600 / CONTACTS;
        sql("""
                INSERT INTO contact (id, channel, line, site, status, caller_role, caller_sector, concern_category, age_band,
                                     municipality_code, outcome, created_at, updated_at, finalised_at)
                SELECT gen_random_uuid(), 'PHONE_OUTSIDE_SYSTEM',
                       CASE WHEN g % 10 = 0 THEN 'COPENHAGEN_LOCAL' ELSE 'NATIONAL' END,
                       CASE WHEN (g / 8000) % 2 = 0 THEN 'AARHUS' ELSE 'COPENHAGEN' END, 'FINAL',
                       (ARRAY['PRIVATE_CITIZEN','RELATIVE','PROFESSIONAL'])[1 + g % 3],
                       CASE WHEN g % 3 = 2 THEN (ARRAY['SCHOOL','SOCIAL_SERVICES','PSYCHIATRY','POLICE','PRISON_AND_PROBATION','OTHER'])[1 + g % 6] END,
                       (ARRAY['MILITANT_ISLAMISM','RIGHT_WING_EXTREMISM','LEFT_WING_EXTREMISM','ANTI_AUTHORITY_EXTREMISM',
                              'MISOGYNY_INCEL','HYBRID','UNCLEAR','NOT_EXTREMISM_RELATED'])[1 + g % 8],
                       (ARRAY['UNDER_15','AGE_15_17','AGE_18_24','AGE_25_PLUS','UNKNOWN'])[1 + g % 5],
                       (ARRAY['101','147','461','751','851','561','621','330','400','265'])[1 + g % 10],
                       CASE WHEN g % 5 = 0 THEN 'REFERRAL' ELSE 'ADVICE_ONLY' END,
                       t, t, t
                  FROM generate_series(0, LAST) AS g,
                       LATERAL (SELECT TIMESTAMPTZ '2040-01-01 00:00:00+01' + g * interval 'STEP seconds' AS t) AS at
                """.replace("LAST", Integer.toString(CONTACTS - 1)).replace("STEP", Long.toString(seconds)));
        sql("""
                INSERT INTO referral (id, contact_id, line, site, severity, acute, created_at, deadline_at, municipality_code,
                                      age_band, concern_category, legal_basis)
                SELECT gen_random_uuid(), id, line, site, (ARRAY['HIGH','MEDIUM','LOW'])[1 + (extract(epoch FROM created_at)::bigint % 3)],
                       false, created_at, created_at + interval '48 hours', municipality_code, age_band, concern_category, 'ANONYMOUS'
                  FROM contact WHERE outcome = 'REFERRAL' AND created_at >= '2040-01-01' AND created_at < '2041-01-01'
                """);
        sql("""
                INSERT INTO call_record (call_id, state, line, site, offered_at, connected_at, last_event_at, wait_seconds,
                                         talk_seconds, updated_at)
                SELECT 'bench-' || g, CASE WHEN g % 12 = 0 THEN 'ABANDONED' WHEN g % 50 = 1 THEN 'CLOSED' ELSE 'ENDED' END,
                       'NATIONAL', CASE WHEN (g / 8000) % 2 = 0 THEN 'AARHUS' ELSE 'COPENHAGEN' END, t,
                       CASE WHEN g % 12 <> 0 AND g % 50 <> 1 THEN t + interval '30 seconds' END, t, g % 300,
                       CASE WHEN g % 12 <> 0 AND g % 50 <> 1 THEN 60 + g % 1800 END, t
                  FROM generate_series(0, LAST) AS g,
                       LATERAL (SELECT TIMESTAMPTZ '2040-01-01 00:00:00+01' + g * interval 'STEP seconds' AS t) AS at
                """.replace("LAST", Integer.toString(CONTACTS - 1)).replace("STEP", Long.toString(seconds)));
        sql("ANALYZE contact");
        sql("ANALYZE call_record");
        sql("ANALYZE referral");

        ReportPeriod year = new ReportPeriod(YEAR, null);
        for (int i = 0; i < 3; i++) {
            OnVertx.await(() -> statistics.report(year, null, null));
        }
        List<Long> millis = new ArrayList<>();
        YearlyReport last = null;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            last = OnVertx.await(() -> statistics.report(year, null, null));
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        long siteStart = System.nanoTime();
        OnVertx.await(() -> statistics.report(year, dk.hotline.contracts.vocabulary.Site.AARHUS, null));
        long siteMillis = (System.nanoTime() - siteStart) / 1_000_000;
        Collections.sort(millis);
        long median = millis.get(millis.size() / 2);
        long max = millis.get(millis.size() - 1);
        System.out.printf("%n=== StatisticsBenchmark: yearly report over %,d contacts, %,d calls: median %d ms, p90 %d ms, max %d ms"
                        + " (%d runs); one site %d ms%n%n", CONTACTS, CONTACTS, median, millis.get((int) (millis.size() * 0.9)),
                max, RUNS, siteMillis);
        assertThat(last.contactsByMonth().total()).isEqualTo(CONTACTS);
    }

    private void sql(String statement) {
        OnVertx.await(() -> pool.query(statement).execute());
    }
}
