package dk.hotline.platform.jobs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import dk.hotline.platform.testing.UnitTestsOnly;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of a service (two pools, as two processes would have) against the test stack's PostgreSQL
 * (HOTLINE_PG_PORT, `deploy/local/hotline infra`): a job runs on one of them at a time.
 */
@Tag(UnitTestsOnly.SERVERS) // needs the test stack's PostgreSQL
class OncePerClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.closeAndAwait();
    }

    private static Pool instance() {
        PgConnectOptions connect = new PgConnectOptions()
                .setHost("127.0.0.1")
                .setPort(Integer.parseInt(System.getenv().getOrDefault("HOTLINE_PG_PORT", "55433")))
                .setDatabase(System.getenv().getOrDefault("HOTLINE_TEST_DB", "hotline_core_test"))
                .setUser("hotline").setPassword("hotline");
        return Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(connect)
                .using(vertx.getDelegate()).build());
    }

    @Test
    void aSecondInstanceSkipsTheJobWhileTheFirstRunsItAndRunsItAfterwards() {
        Pool first = instance();
        Pool second = instance();
        try {
            String job = "retention-" + System.nanoTime();
            CompletableFuture<String> firstRunCanEnd = new CompletableFuture<>();
            AtomicBoolean firstStarted = new AtomicBoolean();
            CompletableFuture<Optional<String>> firstRun = new OncePerCluster(first).run(job, () -> {
                firstStarted.set(true);
                return Uni.createFrom().completionStage(firstRunCanEnd);
            }).subscribeAsCompletionStage();
            await().atMost(WAIT).untilTrue(firstStarted);

            AtomicInteger secondRuns = new AtomicInteger();
            Optional<String> skipped = new OncePerCluster(second).run(job, () -> {
                secondRuns.incrementAndGet();
                return Uni.createFrom().item("second");
            }).await().atMost(WAIT);
            assertThat(skipped).isEmpty();
            assertThat(secondRuns).hasValue(0);

            firstRunCanEnd.complete("first");
            await().atMost(WAIT).until(firstRun::isDone);
            assertThat(firstRun.join()).contains("first");

            Optional<String> later = new OncePerCluster(second).run(job, () -> {
                secondRuns.incrementAndGet();
                return Uni.createFrom().item("second");
            }).await().atMost(WAIT);
            assertThat(later).contains("second");
            assertThat(secondRuns).hasValue(1);
        } finally {
            first.closeAndAwait();
            second.closeAndAwait();
        }
    }

    @Test
    void twoConcurrentCallsRunTheJobOnce() {
        Pool first = instance();
        Pool second = instance();
        try {
            String job = "deadline-sweep-" + System.nanoTime();
            AtomicInteger runs = new AtomicInteger();
            CompletableFuture<String> release = new CompletableFuture<>();
            var a = new OncePerCluster(first).run(job, () -> {
                runs.incrementAndGet();
                return Uni.createFrom().completionStage(release);
            }).subscribeAsCompletionStage();
            var b = new OncePerCluster(second).run(job, () -> {
                runs.incrementAndGet();
                return Uni.createFrom().completionStage(release);
            }).subscribeAsCompletionStage();
            await().atMost(WAIT).until(() -> runs.get() == 1 && (a.isDone() || b.isDone()));
            release.complete("done");
            await().atMost(WAIT).until(() -> a.isDone() && b.isDone());
            assertThat(runs).hasValue(1);
            assertThat(a.join().isPresent() ^ b.join().isPresent()).as("exactly one ran").isTrue();
        } finally {
            first.closeAndAwait();
            second.closeAndAwait();
        }
    }

    @Test
    void aFailedRunReleasesTheLock() {
        Pool first = instance();
        Pool second = instance();
        try {
            String job = "republish-" + System.nanoTime();
            assertThatThrownBy(() -> new OncePerCluster(first).run(job,
                    () -> Uni.createFrom().failure(new IllegalStateException("broker gone"))).await().atMost(WAIT))
                    .hasMessageContaining("broker gone");
            assertThat(new OncePerCluster(second).run(job, () -> Uni.createFrom().item(1)).await().atMost(WAIT)).contains(1);
        } finally {
            first.closeAndAwait();
            second.closeAndAwait();
        }
    }

    @Test
    void anInstanceThatDiesMidRunLeavesTheJobToTheOthers() {
        Pool dying = instance();
        Pool survivor = instance();
        try {
            String job = "retention-" + System.nanoTime();
            AtomicBoolean started = new AtomicBoolean();
            new OncePerCluster(dying).run(job, () -> {
                started.set(true);
                return Uni.createFrom().<String>nothing();
            }).subscribe().with(ignored -> { }, ignored -> { });
            await().atMost(WAIT).untilTrue(started);
            assertThat(new OncePerCluster(survivor).run(job, () -> Uni.createFrom().item(1)).await().atMost(WAIT)).isEmpty();

            dying.closeAndAwait(); // its connection ends, as when the process is killed

            await().atMost(WAIT).until(() -> new OncePerCluster(survivor).run(job, () -> Uni.createFrom().item(1))
                    .await().atMost(WAIT).isPresent());
        } finally {
            survivor.closeAndAwait();
        }
    }

    @Test
    void differentJobsDoNotWaitForEachOther() {
        Pool first = instance();
        Pool second = instance();
        try {
            long stamp = System.nanoTime();
            CompletableFuture<String> release = new CompletableFuture<>();
            AtomicBoolean started = new AtomicBoolean();
            var retention = new OncePerCluster(first).run("retention-" + stamp, () -> {
                started.set(true);
                return Uni.createFrom().completionStage(release);
            }).subscribeAsCompletionStage();
            await().atMost(WAIT).untilTrue(started);
            assertThat(new OncePerCluster(second).run("sweep-" + stamp, () -> Uni.createFrom().item("swept"))
                    .await().atMost(WAIT)).contains("swept");
            release.complete("done");
            await().atMost(WAIT).until(retention::isDone);
        } finally {
            first.closeAndAwait();
            second.closeAndAwait();
        }
    }
}
