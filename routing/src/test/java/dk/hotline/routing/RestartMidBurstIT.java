package dk.hotline.routing;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.routing.support.ReferralEvents;
import dk.hotline.routing.support.RoutingTestResources;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the packaged service as a separate process, kills it with SIGKILL in the middle of a burst and starts it
 * again. Every referral must be stored and pushed (none lost); a push the receiver got but that the dead process
 * had not yet recorded is repeated with the same Idempotency-Key (at most one claimed batch), so a receiver that
 * honours the key sees each referral once. Status events: one DELIVERED event id per referral.
 */
class RestartMidBurstIT {

    private static final int BURST = 300;
    private static final int BATCH = 20;
    private static final String SECRET = "restart-secret-0123456789";
    private static final String ORG = "ssp-860";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String referralsTopic = "hotline.referrals.routing-it-" + run;
    private final String deliveriesTopic = "hotline.deliveries.routing-it-" + run;
    private final String db = System.getenv().getOrDefault("HOTLINE_ROUTING_TEST_DB", "hotline_routing_test");
    private final String pgPort = System.getenv().getOrDefault("HOTLINE_PG_PORT", "55432");
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private Process routing;

    @AfterEach
    void cleanUp() {
        if (routing != null) {
            routing.destroyForcibly();
        }
        receiver.stop();
    }

    @Test
    void killedMidBurstAndRestartedLosesNothingAndRepeatsOnlyWithTheSameIdempotencyKey() throws Exception {
        receiver.start();
        receiver.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(30)));

        int port = freePort();
        routing = start(port, true, 1);
        awaitReady(port);
        configureWebhook();

        List<String> ids = new ArrayList<>();
        try (ReferralEvents core = new ReferralEvents(RoutingTestResources.bootstrap(), referralsTopic)) {
            for (int i = 0; i < BURST; i++) {
                ReferralEvents.Referral r = ReferralEvents.referral("860", "UNDER_15");
                ids.add(r.id());
                core.publish(r);
            }
        }
        await().atMost(Duration.ofMinutes(3)).until(() -> receiver.findAll(anyRequestedFor(anyUrl())).size() >= BURST / 5);
        routing.destroyForcibly();                      // SIGKILL: no shutdown hook, no commit, no goodbye
        routing.waitFor();
        int pushedBeforeKill = receiver.findAll(anyRequestedFor(anyUrl())).size();

        routing = start(port, false, 2);
        awaitReady(port);

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() ->
                keysReceived().keySet().containsAll(ids.stream().map(id -> id + ":" + ORG).toList()));
        Map<String, Long> perKey = keysReceived();
        long repeats = perKey.values().stream().mapToLong(n -> n - 1).sum();
        System.out.printf("RestartMidBurstIT: %d pushes before SIGKILL, %d referrals, %d repeated pushes after restart%n",
                pushedBeforeKill, perKey.size(), repeats);
        assertThat(pushedBeforeKill).isLessThan(BURST);
        assertThat(perKey).hasSize(BURST);
        assertThat(repeats).as("pushes repeated after the kill (same Idempotency-Key)").isLessThanOrEqualTo(BATCH);

        // The receiver may have answered the last pushes before routing recorded them: wait for the records.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/" + db, "hotline",
                    System.getenv().getOrDefault("HOTLINE_PG_PASSWORD", "hotline"))) {
                assertThat(count(c, "select count(*) from referral")).isEqualTo(BURST);
                assertThat(count(c, "select count(*) from inbox_entry where role = 'PRIMARY'")).isEqualTo(BURST);
                assertThat(count(c, "select count(*) from webhook_delivery where state = 'DELIVERED'")).isEqualTo(BURST);
                assertThat(count(c, "select count(*) from outbox_event where type = 'dk.hotline.referral.delivered.v1'")).isEqualTo(BURST);
            }
        });
        Map<String, Set<String>> deliveredEventIds = deliveredEventIdsPerReferral(Duration.ofSeconds(60));
        assertThat(deliveredEventIds.keySet()).containsAll(ids);
        assertThat(deliveredEventIds.values()).allSatisfy(eventIds -> assertThat(eventIds).hasSize(1));
    }

    private Map<String, Long> keysReceived() {
        return receiver.findAll(anyRequestedFor(anyUrl())).stream()
                .collect(Collectors.groupingBy(r -> r.getHeader("Idempotency-Key"), Collectors.counting()));
    }

    private Process start(int port, boolean cleanDatabase, int instance) throws IOException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertThat(jar).exists();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.profile=test",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.flyway.clean-at-start=" + cleanDatabase,
                "-Dmp.messaging.incoming.referrals.topic=" + referralsTopic,
                "-Dmp.messaging.incoming.referrals.group.id=routing-it-" + run,
                "-Dmp.messaging.outgoing.deliveries.topic=" + deliveriesTopic,
                "-Drouting.webhook.lease=PT3S",
                "-Drouting.webhook.timeout=PT2S",
                "-Drouting.webhook.batch-size=" + BATCH,
                "-jar", jar.toString()));
        File log = Path.of("target", "routing-it-" + instance + ".log").toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    }

    private void awaitReady(int port) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            assertThat(routing.isAlive()).as("routing process alive").isTrue();
            HttpURLConnection http = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready").toURL().openConnection();
            try {
                return http.getResponseCode() == 200;
            } finally {
                http.disconnect();
            }
        });
    }

    /** Settings go straight into the table: the admin API needs a Keycloak token, which this test does not run. */
    private void configureWebhook() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/" + db, "hotline",
                System.getenv().getOrDefault("HOTLINE_PG_PASSWORD", "hotline"));
             PreparedStatement s = c.prepareStatement("insert into delivery_settings (organisation_id, mode, webhook_url,"
                     + " webhook_secret, updated_at, updated_by) values (?, 'WEBHOOK', ?, ?, now(), 'RestartMidBurstIT')")) {
            s.setString(1, ORG);
            s.setString(2, receiver.baseUrl() + "/hjoerring");
            s.setString(3, SECRET);
            s.executeUpdate();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Map<String, Set<String>> deliveredEventIdsPerReferral(Duration within) {
        Map<String, Set<String>> out = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RoutingTestResources.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "routing-it-reader-" + run,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(deliveriesTopic));
            Instant end = Instant.now().plus(within);
            while (Instant.now().isBefore(end) && out.size() < BURST) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    var type = r.headers().lastHeader("ce_type");
                    if (type != null && new String(type.value(), StandardCharsets.UTF_8).equals("dk.hotline.referral.delivered.v1")) {
                        out.computeIfAbsent(r.key(), k -> new HashSet<>())
                                .add(new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
