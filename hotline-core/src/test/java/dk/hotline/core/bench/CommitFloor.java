package dk.hotline.core.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor a core write is measured against, in the same run: what PostgreSQL on this machine takes to commit the
 * rows of a referral (the referral row, its outbox event and its audit entry) over plain JDBC, offered at the same
 * open-loop rate and timed from the intended send in the same way. The rows go to copies of the tables
 * ({@code LIKE … INCLUDING ALL}: same columns, defaults, indexes and checks; no foreign key, no trigger), so the
 * relay never sees them.
 */
final class CommitFloor implements AutoCloseable {

    private static final int CONNECTIONS = 8;

    private final BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(CONNECTIONS);
    private final ExecutorService workers = Executors.newFixedThreadPool(CONNECTIONS);

    CommitFloor(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "hotline", "hotline"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS floor_referral (LIKE referral INCLUDING ALL)");
            s.execute("CREATE TABLE IF NOT EXISTS floor_outbox_event (LIKE outbox_event INCLUDING ALL)");
            s.execute("CREATE TABLE IF NOT EXISTS floor_audit_entry (LIKE audit_entry INCLUDING ALL)");
        }
        for (int i = 0; i < CONNECTIONS; i++) {
            Connection c = DriverManager.getConnection(url, "hotline", "hotline");
            c.setAutoCommit(false);
            pool.add(c);
        }
    }

    /** {@code rate} commits/s for {@code seconds}, open loop: p50, p99, max in ms and the commits/s achieved. */
    double[] run(int rate, int seconds) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong done = new AtomicLong();
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long total = (long) rate * seconds;
        AtomicLong started = new AtomicLong();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long begin = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            long index = started.get();
            if (index >= total) {
                return;
            }
            started.incrementAndGet();
            long due = begin + index * period;
            workers.execute(() -> {
                try {
                    commitOne();
                    latencies.add(System.nanoTime() - due);
                    done.incrementAndGet();
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }, 0, period, TimeUnit.NANOSECONDS);
        while (done.get() < total) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        ticker.shutdown();
        double elapsed = (System.nanoTime() - begin) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[]{CoreWriteBench.percentile(sorted, 0.5), CoreWriteBench.percentile(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6, done.get() / elapsed};
    }

    private void commitOne() throws SQLException, InterruptedException {
        Connection c = pool.take();
        try {
            UUID id = UUID.randomUUID();
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement r = c.prepareStatement("""
                    INSERT INTO floor_referral (id, contact_id, idempotency_key, line, site, severity, acute, created_at, deadline_at,
                        municipality_code, age_band, concern_category, legal_basis, description, created_by)
                    VALUES (?, ?, NULL, 'NATIONAL', 'AARHUS', 'NORMAL', false, ?, ?, '0461', 'ADULT', 'OTHER', 'OBLIGATION', ?, 'bench')""");
                 PreparedStatement o = c.prepareStatement("""
                    INSERT INTO floor_outbox_event (id, topic, record_key, type, subject, payload, created_at)
                    VALUES (?, 'bench.floor', ?, 'dk.hotline.referral.created.v1', ?, ?, ?)""");
                 PreparedStatement a = c.prepareStatement("""
                    INSERT INTO floor_audit_entry (at, actor, actor_role, action, record_type, record_id)
                    VALUES (?, 'bench', 'advisor', 'CREATE', 'referral', ?)""")) {
                r.setObject(1, id);
                r.setObject(2, UUID.randomUUID());
                r.setTimestamp(3, now);
                r.setTimestamp(4, now);
                r.setString(5, "x".repeat(200));
                r.executeUpdate();
                o.setObject(1, UUID.randomUUID());
                o.setString(2, id.toString());
                o.setString(3, id.toString());
                o.setString(4, "{\"payload\":\"" + "x".repeat(600) + "\"}");
                o.setTimestamp(5, now);
                o.executeUpdate();
                a.setTimestamp(1, now);
                a.setString(2, id.toString());
                a.executeUpdate();
            }
            c.commit();
        } finally {
            pool.put(c);
        }
    }

    @Override
    public void close() throws SQLException {
        workers.shutdownNow();
        List<SQLException> failures = new ArrayList<>();
        for (Connection c : pool) {
            try {
                c.close();
            } catch (SQLException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split(" ");
            return String.join(" ", Arrays.copyOf(parts, 3));
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
