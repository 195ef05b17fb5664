package dk.hotline.routing.webhook;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dk.hotline.routing.support.DeliveriesTopic;
import dk.hotline.routing.support.InfohusWebhook;
import dk.hotline.routing.support.ReferralEvents;
import dk.hotline.routing.support.RoutingTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst read a second time (what a consumer-group offset reset, a rebalance or a restarted instance does) is
 * stored once and pushed once: the idempotent consumer and the persisted delivery state, not luck.
 */
@QuarkusTest
@QuarkusTestResource(RoutingTestResources.class)
class RedeliveredBurstTest {

    private static final String SECRET = "burst-secret-0123456789";
    private static final int BURST = 40;
    private static ReferralEvents core;
    private static DeliveriesTopic deliveries;
    private static InfohusWebhook receiver;

    @BeforeAll
    static void connect() {
        core = new ReferralEvents();
        deliveries = new DeliveriesTopic();
        receiver = new InfohusWebhook();
    }

    @AfterAll
    static void disconnect() {
        core.close();
        deliveries.close();
        receiver.close();
    }

    @Test
    @TestSecurity(user = "admin", roles = "supervisor")
    void aRedeliveredBurstIsNeitherDuplicatedNorLost() {
        given().contentType(ContentType.JSON)
                .body(Map.of("mode", "WEBHOOK", "webhookUrl", receiver.url("/hjoerring"), "webhookSecret", SECRET))
                .put("/api/admin/recipients/{id}/delivery", "ssp-860").then().statusCode(200);
        receiver.acceptsSignedWith("/hjoerring", SECRET);

        List<ReferralEvents.Referral> burst = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            burst.add(ReferralEvents.referral("860", i % 2 == 0 ? "UNDER_15" : "AGE_15_17"));
        }
        burst.forEach(core::publish);
        await().atMost(Duration.ofSeconds(120)).until(() -> receiver.requests("/hjoerring").size() >= BURST);

        // The same records again, as after an offset reset; some also re-sent by core as new events.
        burst.forEach(core::publish);
        burst.subList(0, 10).forEach(r -> core.publish(r.asNewEvent()));
        // One marker per partition: once all three are pushed, everything published before them was consumed.
        List<ReferralEvents.Referral> markers = new ArrayList<>();
        for (int partition = 0; partition < 3; partition++) {
            ReferralEvents.Referral marker = ReferralEvents.referral("860", "UNDER_15");
            markers.add(marker);
            core.publish(marker, partition);
        }
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(receiver.requests("/hjoerring")
                .stream().map(q -> q.getHeader("Idempotency-Key")).toList())
                .containsAll(markers.stream().map(m -> m.id() + ":ssp-860").toList()));

        Map<String, Long> callsPerKey = receiver.requests("/hjoerring").stream()
                .collect(Collectors.groupingBy(q -> q.getHeader("Idempotency-Key"), Collectors.counting()));
        assertThat(callsPerKey).hasSize(BURST + markers.size());
        assertThat(callsPerKey.values()).containsOnly(1L);
        for (ReferralEvents.Referral r : burst) {
            assertThat(callsPerKey).containsEntry(r.id() + ":ssp-860", 1L);
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (ReferralEvents.Referral r : burst) {
                assertThat(deliveries.typesOf(r.id())).as(r.id())
                        .containsExactly("dk.hotline.referral.routed.v1", "dk.hotline.referral.delivered.v1");
            }
        });
        List<LoggedRequest> requests = receiver.requests("/hjoerring");
        assertThat(requests.stream().map(LoggedRequest::getBodyAsString).collect(Collectors.toMap(Function.identity(), b -> 1, Integer::sum)))
                .allSatisfy((body, count) -> assertThat(count).isEqualTo(1));
    }
}
