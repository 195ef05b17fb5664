package dk.hotline.core.crash;

import dk.hotline.core.support.HotlineClient;
import dk.hotline.core.support.PackagedApp;
import dk.hotline.core.support.TokenMint;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the packaged hotline-core with SIGKILL in the middle of a burst of referral creations and proves on the real
 * PostgreSQL and Kafka that every referral answered 201 is on hotline.referrals exactly once by ce_id, and that no
 * event exists for a referral that was not committed. Once with one instance restarted after the kill, once with two
 * instances on one database of which one is killed and the other carries on alone.
 * <p>
 * The relay is at-least-once on Kafka (docs/decisions/outbox.md): the instance holding the relay's lock sends a
 * batch, then marks it published in the same transaction. Killed in between, it leaves that batch unmarked and the
 * next holder sends it again with the same ce_ids. The lock admits one holder at a time, so at most one batch is
 * re-sent per kill: each ce_id reaches Kafka at most twice and at most {@code batch size} of them twice. Consumers
 * dedupe by ce_id (routing stores a referral once by its event id).
 */
class ReferralCrashIT {

    static final int LOGS = 240;
    static final int THREADS = 6;
    static final int KILL_AFTER_ACKNOWLEDGED = 80;
    /** Small batches for the two-instance run, so that the one batch a kill can leave behind is a tight bound. */
    static final int RELAY_BATCH = 20;

    private final String database = PackagedApp.envOr("HOTLINE_TEST_DB", "hotline_core_test");
    private final String topic = "test.crash.referrals." + UUID.randomUUID();
    private final TokenMint tokens = new TokenMint();

    @Test
    void everyAcknowledgedReferralReachesKafkaExactlyOnceAcrossASigkill() throws Exception {
        try (PackagedApp app = new PackagedApp(database, topic, tokens.publicKey(), Path.of("target", "crash-it"))) {
            app.start();
            HotlineClient advisor = new HotlineClient(HotlineClient.newHttp(), app::uri,
                    tokens.advisor("crash-advisor", "AARHUS", "advisor-aarhus-9"));
            Burst burst = referAll(advisor, app::kill);
            assertThat(burst.failed()).as("requests that died with the app").isPositive();

            app.start(); // the restarted relay drains what the dead process left behind
            assertEveryCommittedReferralOnKafkaOnceByCeId(burst, 500);
        }
    }

    /**
     * Two core instances on one database and one topic; the advisors' requests alternate between them, as behind a
     * load balancer. One is killed mid-burst and stays dead; the other's relay takes the lock and publishes the rest,
     * including whatever the killed one had read but not marked.
     */
    @Test
    void oneOfTwoInstancesKilledMidBurstLeavesNoOutboxEventBehind() throws Exception {
        Path logs = Path.of("target", "crash-it-two");
        try (PackagedApp first = new PackagedApp(database, topic, tokens.publicKey(), logs.resolve("first"))
                     .with("HOTLINE_OUTBOX_BATCH_SIZE", Integer.toString(RELAY_BATCH));
             PackagedApp second = new PackagedApp(database, topic, tokens.publicKey(), logs.resolve("second"))
                     .with("HOTLINE_OUTBOX_BATCH_SIZE", Integer.toString(RELAY_BATCH))) {
            first.start();
            second.start();
            AtomicInteger turn = new AtomicInteger();
            AtomicBoolean firstKilled = new AtomicBoolean();
            HotlineClient advisor = new HotlineClient(HotlineClient.newHttp(),
                    path -> !firstKilled.get() && turn.getAndIncrement() % 2 == 0 ? first.uri(path) : second.uri(path),
                    tokens.advisor("crash-advisor", "AARHUS", "advisor-aarhus-9"));
            Burst burst = referAll(advisor, () -> {
                first.kill();
                firstKilled.set(true);
            });

            assertEveryCommittedReferralOnKafkaOnceByCeId(burst, RELAY_BATCH);
        }
    }

    /** What the burst left: referral id → contact for every 201, and the contacts that were referred. */
    private record Burst(Map<String, String> acknowledged, Set<String> contacts, int failed) {
    }

    /** Finalised logs made first, then referred from {@value #THREADS} threads; {@code kill} runs mid-way. */
    private static Burst referAll(HotlineClient advisor, Runnable kill) throws Exception {
        ConcurrentLinkedQueue<String> toRefer = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<java.util.concurrent.Future<String>> made = new ArrayList<>();
        for (int i = 0; i < LOGS; i++) {
            made.add(pool.submit(advisor::finalisedLog));
        }
        for (var f : made) {
            toRefer.add(f.get());
        }
        Set<String> contacts = Set.copyOf(toRefer);

        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // referral id → contact id
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(THREADS);
        for (int t = 0; t < THREADS; t++) {
            pool.submit(() -> {
                try {
                    for (String contact = toRefer.poll(); contact != null; contact = toRefer.poll()) {
                        try {
                            HttpResponse<String> r = advisor.send(advisor.post("/api/contacts/" + contact + "/referral", HotlineClient.REFERRAL));
                            if (r.statusCode() == 201) {
                                acknowledged.put(advisor.idOf(r), contact);
                                if (acknowledged.size() >= KILL_AFTER_ACKNOWLEDGED && killed.compareAndSet(false, true)) {
                                    kill.run();
                                }
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (java.io.IOException e) {
                            failed.incrementAndGet(); // the instance died under this request
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(10, TimeUnit.MINUTES)).isTrue();
        pool.shutdown();
        assertThat(killed).as("an instance was killed during the burst").isTrue();
        return new Burst(acknowledged, contacts, failed.get());
    }

    private void assertEveryCommittedReferralOnKafkaOnceByCeId(Burst burst, int relayBatch) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + PackagedApp.envOr("HOTLINE_PG_PORT", "55432")
                + "/" + database, "hotline", "hotline")) {
            await().atMost(Duration.ofMinutes(3)).until(() -> unpublished(db, topic) == 0);
            Set<String> committed = committedReferrals(db, burst.contacts());
            Set<String> outboxIds = outboxIds(db, topic);

            Map<String, Set<String>> ceIdsByReferral = new HashMap<>();
            List<ConsumerRecord<String, String>> raw = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = consumer(topic)) {
                await().atMost(Duration.ofMinutes(3)).until(() -> {
                    consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                        raw.add(r);
                        ceIdsByReferral.computeIfAbsent(r.key(), k -> new HashSet<>()).add(header(r, "ce_id"));
                    });
                    return ceIdsByReferral.keySet().containsAll(committed);
                });
            }
            Map<String, Long> recordsPerCeId = raw.stream().collect(Collectors.groupingBy(r -> header(r, "ce_id"), Collectors.counting()));
            long sentTwice = recordsPerCeId.values().stream().filter(n -> n > 1).count();
            System.out.printf("crash test: %d logs, %d referrals answered 201, %d requests failed with the kill, "
                            + "%d committed, %d records on Kafka, %d distinct ce_id, %d re-sent duplicates (relay batch %d)%n",
                    LOGS, burst.acknowledged().size(), burst.failed(), committed.size(), raw.size(), recordsPerCeId.size(),
                    raw.size() - recordsPerCeId.size(), relayBatch);

            // Every 201 was committed and is downstream exactly once, by ce_id.
            assertThat(committed).containsAll(burst.acknowledged().keySet());
            for (String referral : burst.acknowledged().keySet()) {
                assertThat(ceIdsByReferral.get(referral)).as("ce_ids of referral " + referral).hasSize(1);
            }
            // Nothing downstream that the database does not hold; every committed referral is downstream once.
            assertThat(ceIdsByReferral.keySet()).containsExactlyInAnyOrderElementsOf(committed);
            assertThat(ceIdsByReferral.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
            assertThat(recordsPerCeId.keySet()).containsExactlyInAnyOrderElementsOf(outboxIds);
            assertThat(committed.size()).isLessThanOrEqualTo(LOGS);
            // Re-sent only what the killed lock holder had sent but not marked: one batch, once.
            assertThat(recordsPerCeId.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
            assertThat(sentTwice).isLessThanOrEqualTo(relayBatch);
        }
    }

    private static long unpublished(Connection db, String topic) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT count(*) FROM outbox_event WHERE topic = ? AND published_at IS NULL")) {
            q.setString(1, topic);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Set<String> outboxIds(Connection db, String topic) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT id FROM outbox_event WHERE topic = ?")) {
            q.setString(1, topic);
            Set<String> ids = new HashSet<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private static Set<String> committedReferrals(Connection db, Set<String> contacts) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT id FROM referral WHERE contact_id = ANY (?)")) {
            q.setArray(1, db.createArrayOf("uuid", contacts.toArray()));
            Set<String> ids = new HashSet<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private static KafkaConsumer<String, String> consumer(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PackagedApp.envOr("HOTLINE_KAFKA_BOOTSTRAP", "127.0.0.1:59092"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "crash-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
