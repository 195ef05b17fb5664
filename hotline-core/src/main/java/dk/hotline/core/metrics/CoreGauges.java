package dk.hotline.core.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus gauges of what core's database knows (read every 15 s, never per scrape): the outbox lag (age of the
 * oldest unpublished event, and how many wait) and the referrals by their latest state from routing's events.
 * Counts and ages only, no ids. Dashboard: deploy/grafana/hotline.json.
 */
@ApplicationScoped
public class CoreGauges {

    /** The referral states routing reports (referral-status.v1), plus NOT_ROUTED for a referral with no event yet. */
    static final List<String> STATES = List.of("NOT_ROUTED", "ROUTED", "DELIVERED", "ACKNOWLEDGED", "ACCEPTED", "REJECTED",
            "OVERDUE", "ESCALATED", "FORWARDED", "OUTCOME_RECORDED");

    static final String OUTBOX = """
            SELECT count(*) AS pending,
                   coalesce(extract(epoch FROM ($1::timestamptz - min(created_at))), 0)::bigint AS lag
              FROM outbox_event WHERE published_at IS NULL
            """;

    static final String REFERRALS = """
            SELECT coalesce(s.status, 'NOT_ROUTED') AS state, count(*) AS n
              FROM referral r
              LEFT JOIN LATERAL (SELECT status FROM referral_status rs WHERE rs.referral_id = r.id
                                  ORDER BY occurred_at DESC LIMIT 1) s ON true
             WHERE r.created_at > $1::timestamptz - interval '400 days'
             GROUP BY 1
            """;

    private final Pool pool;
    private final Clock clock;
    private final AtomicLong outboxLag = new AtomicLong();
    private final AtomicLong outboxPending = new AtomicLong();
    private final Map<String, AtomicLong> referralsByState = new ConcurrentHashMap<>();

    public CoreGauges(Pool pool, Clock clock, MeterRegistry registry) {
        this.pool = pool;
        this.clock = clock;
        Gauge.builder("hotline.outbox.lag", outboxLag, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest event not yet published by the outbox relay").register(registry);
        Gauge.builder("hotline.outbox.pending", outboxPending, AtomicLong::get)
                .description("Events waiting in the outbox").register(registry);
        for (String state : STATES) {
            AtomicLong n = new AtomicLong();
            referralsByState.put(state, n);
            Gauge.builder("hotline.referrals", n, AtomicLong::get).tag("state", state)
                    .description("Referrals of the last 400 days by their latest state").register(registry);
        }
    }

    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return read();
    }

    /** One read of both figures (the scheduler's job; tests call it to avoid waiting). */
    public Uni<Void> read() {
        Tuple now = Tuple.of(clock.instant().atOffset(ZoneOffset.UTC));
        Uni<Void> outbox = pool.preparedQuery(OUTBOX).execute(now).invoke(rows -> {
            Row row = rows.iterator().next();
            outboxPending.set(row.getLong("pending"));
            outboxLag.set(row.getLong("lag"));
        }).replaceWithVoid();
        Uni<Void> referrals = pool.preparedQuery(REFERRALS).execute(now).invoke(rows -> {
            Map<String, Long> seen = new java.util.HashMap<>();
            for (Row row : rows) {
                seen.put(row.getString("state"), row.getLong("n"));
            }
            referralsByState.forEach((state, n) -> n.set(seen.getOrDefault(state, 0L)));
        }).replaceWithVoid();
        return Uni.combine().all().unis(outbox, referrals).discardItems();
    }
}
