package dk.hotline.routing.webhook;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dk.hotline.routing.support.DeliveriesTopic;
import dk.hotline.routing.support.InfohusWebhook;
import dk.hotline.routing.support.ReferralEvents;
import dk.hotline.routing.support.RoutingTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(RoutingTestResources.class)
class WebhookDeliveryTest {

    private static final String SECRET = "s3cret-for-the-infohus-webhook";
    private static ReferralEvents core;
    private static DeliveriesTopic deliveries;
    private static InfohusWebhook receiver;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    Pool pool;

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

    private static void configureWebhook(String organisation, String path) {
        given().contentType(ContentType.JSON)
                .body(Map.of("mode", "WEBHOOK", "webhookUrl", receiver.url(path), "webhookSecret", SECRET))
                .put("/api/admin/recipients/{id}/delivery", organisation).then().statusCode(200)
                .body("mode", equalTo("WEBHOOK")).body("secretSet", equalTo(true));
    }

    private static void awaitDelivered(String referralId) {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(deliveries.typesOf(referralId))
                .containsExactly("dk.hotline.referral.routed.v1", "dk.hotline.referral.delivered.v1"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "supervisor")
    void pushIsSignedCarriesAnIdempotencyKeyAndIsAcceptedByAReceiverThatChecksTheSignature() {
        configureWebhook("infohus-koebenhavns-vestegn", "/vestegn");
        receiver.acceptsSignedWith("/vestegn", SECRET);
        ReferralEvents.Referral r = ReferralEvents.referral("151", "AGE_25_PLUS");
        core.publish(r);

        awaitDelivered(r.id());
        List<LoggedRequest> requests = receiver.requests("/vestegn");
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo(r.id() + ":infohus-koebenhavns-vestegn");
        assertThat(request.getHeader("X-Hotline-Signature")).startsWith("v1=");
        assertThat(Long.parseLong(request.getHeader("X-Hotline-Timestamp")))
                .isBetween(Instant.now().minusSeconds(120).getEpochSecond(), Instant.now().getEpochSecond());
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getBodyAsString()).contains("\"referralId\":\"" + r.id() + "\"")
                .contains("Ballerup (151) belongs to Københavns Vestegns Politi → Infohus Københavns Vestegn");
    }

    @Test
    @TestSecurity(user = "admin", roles = "supervisor")
    void receiverFailingTwiceIsRetriedUntilItAcceptsAndDeliveredIsReportedOnce() {
        configureWebhook("infohus-nordsjaelland", "/nordsjaelland");
        receiver.failsThenAccepts("/nordsjaelland", SECRET, 2);
        ReferralEvents.Referral r = ReferralEvents.referral("219", "AGE_25_PLUS");
        core.publish(r);

        awaitDelivered(r.id());
        List<LoggedRequest> requests = receiver.requests("/nordsjaelland");
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(q -> q.getHeader("Idempotency-Key")).containsOnly(r.id() + ":infohus-nordsjaelland");
    }

    @Test
    @TestSecurity(user = "admin", roles = "supervisor")
    void receiverThatTimesOutIsRetried() {
        configureWebhook("infohus-midt-vestsjaelland", "/midtvest");
        receiver.hangsOnceThenAccepts("/midtvest", SECRET, 8_000);
        ReferralEvents.Referral r = ReferralEvents.referral("265", "AGE_25_PLUS");
        core.publish(r);

        awaitDelivered(r.id());
        assertThat(receiver.requests("/midtvest")).hasSize(2);
    }

    @Test
    @TestSecurity(user = "admin", roles = "supervisor")
    void slowReceiverWithinTheTimeoutGetsExactlyOneCall() {
        configureWebhook("infohus-sydsjaelland-lolland-falster", "/sydsjaelland");
        receiver.slowlyAccepts("/sydsjaelland", SECRET, 500);
        ReferralEvents.Referral r = ReferralEvents.referral("370", "AGE_25_PLUS");
        core.publish(r);

        awaitDelivered(r.id());
        assertThat(receiver.requests("/sydsjaelland")).hasSize(1);
    }

    @Test
    @TestSecurity(user = "admin", roles = "supervisor")
    void afterMaxAttemptsTheDeliveryIsDeadLetteredAndASupervisorRedeliversIt() {
        configureWebhook("ssp-563", "/fanoe");
        receiver.alwaysFails("/fanoe");
        ReferralEvents.Referral r = ReferralEvents.referral("563", "UNDER_15");
        core.publish(r);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().get("/api/supervisor/dead-letters").then().statusCode(200)
                        .body("find { it.referralId == '" + r.id() + "' }.attempts", equalTo(3))
                        .body("find { it.referralId == '" + r.id() + "' }.lastError", equalTo("HTTP 500")));
        assertThat(receiver.requests("/fanoe")).hasSize(3);
        assertThat(deliveries.typesOf(r.id())).containsExactly("dk.hotline.referral.routed.v1");

        receiver.acceptsSignedWith("/fanoe", SECRET);
        String deadLetters = given().get("/api/supervisor/dead-letters").then().extract().asString();
        // Producer side of the contract core's supervisor board reads (core's ConsumedContractsTest).
        assertThat(dk.hotline.contracts.Contract.DEAD_LETTERS_V1.violations(deadLetters)).as(deadLetters).isEmpty();
        long id = io.restassured.path.json.JsonPath.from(deadLetters).getLong("find { it.referralId == '" + r.id() + "' }.id");
        given().post("/api/supervisor/dead-letters/{id}/redeliver", id).then().statusCode(200);

        awaitDelivered(r.id());
        given().get("/api/supervisor/dead-letters").then().body("findAll { it.referralId == '" + r.id() + "' }.size()", equalTo(0));
        given().post("/api/supervisor/dead-letters/{id}/redeliver", id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "admin", roles = "supervisor")
    void theInfohusCopyIsPushedToo() {
        configureWebhook("ssp-410", "/middelfart");
        configureWebhook("infohus-fyn", "/fyn");
        receiver.acceptsSignedWith("/middelfart", SECRET);
        receiver.acceptsSignedWith("/fyn", SECRET);
        ReferralEvents.Referral r = ReferralEvents.referral("410", "AGE_15_17");
        core.publish(r);

        awaitDelivered(r.id());
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(receiver.requests("/fyn")).hasSize(1));
        assertThat(receiver.requests("/middelfart")).hasSize(1);
        assertThat(receiver.requests("/fyn").get(0).getBodyAsString()).contains("\"role\":\"COPY\"").contains("\"callerContact\":null");
        assertThat(receiver.requests("/middelfart").get(0).getBodyAsString()).contains("\"role\":\"RECIPIENT\"")
                .contains("+4512345678");
        // back to inbox only, so other tests routing to Fyn are unaffected
        given().contentType(ContentType.JSON).body(Map.of("mode", "INBOX"))
                .put("/api/admin/recipients/{id}/delivery", "infohus-fyn").then().statusCode(200).body("mode", equalTo("INBOX"));
    }

    /**
     * Two instances: this one's attempt 1 outlived its lease (a stalled process), another instance claimed the
     * delivery as attempt 2 and is pushing it. When attempt 1 then fails, recording that failure must leave attempt
     * 2's lease alone: setting the next attempt to "soon" would let a third claim push it while attempt 2 still is.
     */
    @Test
    void aFailedAttemptWhoseLeaseWasTakenOverLeavesTheNewClaimAlone() throws Throwable {
        ReferralEvents.Referral r = ReferralEvents.referral("316", "AGE_25_PLUS"); // Holbæk: inbox only here
        core.publish(r);
        awaitDelivered(r.id());
        long id = -Math.abs(r.id().hashCode() + 1L); // outside the ids Hibernate hands out
        OffsetDateTime heldUntil = OffsetDateTime.parse("2100-01-01T00:00:00Z");
        pool.preparedQuery("insert into webhook_delivery (id, referral_id, organisation_id, idempotency_key, state,"
                        + " attempts, next_attempt_at, created_at) values ($1, $2, 'lease-test', $3,"
                        + " 'PENDING', 2, $4, now())")
                .execute(Tuple.of(id, r.id(), r.id() + ":lease-test", heldUntil)).await().indefinitely();

        VertxContextSupport.subscribeAndAwait(() -> dispatcher.record(
                List.of(new WebhookDispatcher.Result(id, 1, null, "TimeoutException"))));

        Row row = pool.preparedQuery("select attempts, state, last_error, next_attempt_at = $2 as held"
                + " from webhook_delivery where id = $1").execute(Tuple.of(id, heldUntil)).await().indefinitely()
                .iterator().next();
        assertThat(row.getInteger("attempts")).isEqualTo(2);
        assertThat(row.getString("state")).isEqualTo("PENDING");
        assertThat(row.getString("last_error")).as("attempt 2 has no outcome yet").isNull();
        assertThat(row.getBoolean("held")).as("attempt 2's lease still holds").isTrue();
    }
}
