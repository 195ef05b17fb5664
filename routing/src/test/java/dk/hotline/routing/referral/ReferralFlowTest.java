package dk.hotline.routing.referral;

import dk.hotline.routing.support.DeadLetterTopic;
import dk.hotline.routing.support.DeliveriesTopic;
import dk.hotline.routing.support.EventSchemas;
import dk.hotline.routing.support.ReferralEvents;
import dk.hotline.routing.support.RoutingTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(RoutingTestResources.class)
class ReferralFlowTest {

    private static ReferralEvents core;
    private static DeliveriesTopic deliveries;

    @ConfigProperty(name = "mp.messaging.outgoing.referrals-dlq.topic")
    String dlqTopic;

    @Inject
    Pool pool;

    @BeforeAll
    static void connect() {
        core = new ReferralEvents();
        deliveries = new DeliveriesTopic();
    }

    @AfterAll
    static void disconnect() {
        core.close();
        deliveries.close();
    }

    private static void awaitInInbox(String referralId) {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().get("/api/inbox/referrals/{id}", referralId).then().statusCode(200));
    }

    private static void awaitEvents(String referralId, String... types) {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(deliveries.typesOf(referralId)).containsExactly(types));
    }

    @Test
    @TestSecurity(user = "sofie", roles = "supervisor")
    void malformedEventsGoToTheDeadLetterTopicWithTheirReasonAndDoNotBlockTheNextOnes() throws Exception {
        String run = UUID.randomUUID().toString();
        try (DeadLetterTopic deadLetters = new DeadLetterTopic(dlqTopic)) {
            core.publishRaw("bad-1-" + run, "dk.hotline.referral.created.v1", "k1", "{not json", 0);
            core.publishRaw("bad-2-" + run, "dk.hotline.referral.created.v1", "k2", "{\"referralId\":\"x\",\"line\":\"MOON\"}", 0);
            core.publishRaw("bad-3-" + run, "dk.hotline.referral.created.v1", "k3", "{\"municipalityCode\":\"400\"}", 0);
            ReferralEvents.Referral r = ReferralEvents.referral("400", "AGE_25_PLUS");
            core.publish(r, 0);
            // The partition moved on: the good referral behind the bad ones is stored.
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/supervisor/dead-letters/events")
                    .then().extract().jsonPath().getList("eventId").containsAll(
                            List.of("bad-1-" + run, "bad-2-" + run, "bad-3-" + run)));
            given().get("/api/supervisor/dead-letters/events").then().statusCode(200)
                    .body("find { it.eventId == 'bad-1-" + run + "' }.reason", equalTo("not JSON (JsonParseException)"))
                    .body("find { it.eventId == 'bad-2-" + run + "' }.reason", startsWith("not a referral-created.v1 event: "))
                    .body("find { it.eventId == 'bad-3-" + run + "' }.deadLetterTopic", equalTo(dlqTopic));
            Map<String, String> reasons = deadLetters.reasonsOf(3, run);
            assertThat(reasons.get("bad-1-" + run)).isEqualTo("not JSON (JsonParseException)");
            assertThat(reasons.get("bad-3-" + run)).contains("required property");
            await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery(
                            "SELECT count(*) AS n FROM referral WHERE referral_id = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(r.id()))
                    .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("n") == 1);
        }
    }

    @TestSecurity(user = "fyn-contact", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "infohus-fyn"))
    void adultReferralArrivesExplainedInTheInfohusInboxAndIsReportedRoutedAndDelivered() {
        ReferralEvents.Referral r = ReferralEvents.referral("461", "AGE_25_PLUS");
        core.publish(r);

        awaitInInbox(r.id());
        given().get("/api/inbox/referrals/{id}", r.id()).then()
                .body("role", equalTo("RECIPIENT"))
                .body("recipientId", equalTo("infohus-fyn"))
                .body("explanation", equalTo("Odense (461) belongs to Fyns Politi → Infohus Fyn"))
                .body("progress", equalTo("DELIVERED"))
                .body("description", equalTo("Worried teacher: pupil shares propaganda"))
                .body("callerContact.phone", equalTo("+4512345678"))
                .body("deadlineAt", equalTo(r.payload().get("deadlineAt")));
        given().get("/api/inbox/referrals").then().statusCode(200).body("referralId", hasItem(r.id()));

        awaitEvents(r.id(), "dk.hotline.referral.routed.v1", "dk.hotline.referral.delivered.v1");
        for (DeliveriesTopic.StatusEvent e : deliveries.of(r.id())) {
            EventSchemas.REFERRAL_STATUS.assertValid(e.value());
            assertThat(e.ceSource()).isEqualTo("/hotline/routing");
            assertThat(e.ceId()).isNotBlank();
            assertThat(e.value()).contains("\"recipientId\":\"infohus-fyn\"")
                    .contains("Odense (461) belongs to Fyns Politi → Infohus Fyn");
        }
    }

    @Test
    @TestSecurity(user = "fyn-contact", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "infohus-fyn"))
    void redeliveredEventChangesNothingAndDeliversNothingTwice() {
        ReferralEvents.Referral r = ReferralEvents.referral("479", "AGE_18_24");
        core.publish(r);
        core.publish(r);                 // same CloudEvent again (offset reset, rebalance)
        core.publish(r.asNewEvent());    // same referral, new event id (core's outbox resending)
        ReferralEvents.Referral marker = ReferralEvents.referral("479", "AGE_18_24");
        core.publish(marker);            // same key space; once the marker is in, the duplicates were consumed

        awaitInInbox(marker.id());
        awaitInInbox(r.id());
        awaitEvents(r.id(), "dk.hotline.referral.routed.v1", "dk.hotline.referral.delivered.v1");
        awaitEvents(marker.id(), "dk.hotline.referral.routed.v1", "dk.hotline.referral.delivered.v1");
        List<String> ids = given().get("/api/inbox/referrals?filter=all&limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("referralId", String.class);
        assertThat(ids.stream().filter(r.id()::equals)).hasSize(1);
        assertThat(deliveries.typesOf(r.id())).hasSize(2);
    }

    @Test
    @TestSecurity(user = "aalborg-contact", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "infohus-nordjylland"))
    void acknowledgeThenRejectWithReasonPublishesEachStatusOnce() {
        ReferralEvents.Referral r = ReferralEvents.referral("851", "AGE_25_PLUS");
        core.publish(r);
        awaitInInbox(r.id());

        given().post("/api/inbox/referrals/{id}/acknowledge", r.id()).then().statusCode(200)
                .body("progress", equalTo("ACKNOWLEDGED"));
        given().post("/api/inbox/referrals/{id}/acknowledge", r.id()).then().statusCode(200)
                .body("progress", equalTo("ACKNOWLEDGED"));
        given().get("/api/inbox/referrals").then().body("referralId", not(hasItem(r.id())));

        given().contentType(ContentType.JSON).body("{\"reason\":\"  \"}")
                .post("/api/inbox/referrals/{id}/reject", r.id()).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"Already known to the local SSP\"}")
                .post("/api/inbox/referrals/{id}/reject", r.id()).then().statusCode(200)
                .body("progress", equalTo("REJECTED")).body("decisionReason", equalTo("Already known to the local SSP"));
        given().post("/api/inbox/referrals/{id}/accept", r.id()).then().statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409));

        awaitEvents(r.id(), "dk.hotline.referral.routed.v1", "dk.hotline.referral.delivered.v1",
                "dk.hotline.referral.acknowledged.v1", "dk.hotline.referral.rejected.v1");
        DeliveriesTopic.StatusEvent rejected = deliveries.of(r.id()).get(3);
        EventSchemas.REFERRAL_STATUS.assertValid(rejected.value());
        assertThat(rejected.value()).contains("\"status\":\"REJECTED\"").doesNotContain("Already known to the local SSP");
        String sealedReason = JsonPath.from(rejected.value()).getString("reason");
        assertThat(ReferralEvents.EVENT_KEYS.open("referral_status", "reason", r.id(), sealedReason))
                .isEqualTo("Already known to the local SSP");
    }

    @Test
    @TestSecurity(user = "esbjerg-ssp", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "ssp-561"))
    void acceptingAcknowledgesFirst() {
        ReferralEvents.Referral r = ReferralEvents.referral("561", "UNDER_15");
        core.publish(r);
        awaitInInbox(r.id());
        given().post("/api/inbox/referrals/{id}/accept", r.id()).then().statusCode(200).body("progress", equalTo("ACCEPTED"));
        awaitEvents(r.id(), "dk.hotline.referral.routed.v1", "dk.hotline.referral.delivered.v1",
                "dk.hotline.referral.acknowledged.v1", "dk.hotline.referral.accepted.v1");
    }

    @Test
    @TestSecurity(user = "vejle-ssp", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "ssp-630"))
    void childReferralGoesToTheSspWhichOwnsIt() {
        ReferralEvents.Referral r = ReferralEvents.referral("630", "AGE_15_17");
        core.publish(r);
        awaitInInbox(r.id());
        given().get("/api/inbox/referrals/{id}", r.id()).then()
                .body("role", equalTo("RECIPIENT"))
                .body("recipientId", equalTo("ssp-630"))
                .body("explanation", equalTo("Subject under 18: Vejle (630) → SSP Vejle; Infohus Sydøstjylland gets a copy (Vejle (630) belongs to Sydøstjyllands Politi)"));
        awaitEvents(r.id(), "dk.hotline.referral.routed.v1", "dk.hotline.referral.delivered.v1");
        assertThat(deliveries.of(r.id()).get(0).value()).contains("\"recipientId\":\"ssp-630\"");
    }

    @Test
    @TestSecurity(user = "sydoest-infohus", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "infohus-sydoestjylland"))
    void theInfohusGetsACopyOfAChildReferralWithoutCallerDetailsAndCannotActOnIt() {
        ReferralEvents.Referral r = ReferralEvents.referral("615", "UNDER_15");
        core.publish(r);
        awaitInInbox(r.id());
        given().get("/api/inbox/referrals/{id}", r.id()).then()
                .body("role", equalTo("COPY"))
                .body("recipientId", equalTo("ssp-615"))
                .body("callerContact", nullValue());
        given().post("/api/inbox/referrals/{id}/acknowledge", r.id()).then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "kbh", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "kbh-koordination"))
    void copenhagenLocalLineReferralGoesToTheCoordinationUnit() {
        ReferralEvents.Referral r = ReferralEvents.referral(null, "AGE_15_17").with("line", "COPENHAGEN_LOCAL")
                .with("handledBySite", "COPENHAGEN").with("legalBasis", "ANONYMOUS").with("callerContact", null);
        core.publish(r);
        awaitInInbox(r.id());
        given().get("/api/inbox/referrals/{id}", r.id()).then().body("recipientId", equalTo("kbh-koordination"))
                .body("callerContact", nullValue());
    }

    @Test
    @TestSecurity(user = "politi-fyn", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "politi-fyn"))
    void acuteReferralGoesToThePoliceDistrictFlagged() {
        ReferralEvents.Referral r = ReferralEvents.referral("450", "AGE_25_PLUS").with("severity", "ACUTE");
        core.publish(r);
        awaitInInbox(r.id());
        given().get("/api/inbox/referrals/{id}", r.id()).then().body("acute", equalTo(true))
                .body("recipientId", equalTo("politi-fyn"));
    }

    @Test
    @TestSecurity(user = "bornholm", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "infohus-bornholm"))
    void christiansoeFromCoreGoesToBornholmsInfohus() {
        ReferralEvents.Referral r = ReferralEvents.referral("411", "AGE_25_PLUS");
        core.publish(r);
        awaitInInbox(r.id());
        given().get("/api/inbox/referrals/{id}", r.id()).then().body("recipientId", equalTo("infohus-bornholm"))
                .body("municipalityCode", equalTo("411"));
    }

    @Test
    @TestSecurity(user = "triage", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "triage-copenhagen"))
    void unknownMunicipalityGoesToTriageByTheOnDutySite() {
        ReferralEvents.Referral r = ReferralEvents.referral("999", "AGE_25_PLUS").with("handledBySite", "COPENHAGEN");
        core.publish(r);
        awaitInInbox(r.id());
        given().get("/api/inbox/referrals/{id}", r.id()).then().body("recipientId", equalTo("triage-copenhagen"))
                .body("explanation", equalTo("Municipality \"999\" is unknown → triage by the on-duty site Copenhagen (Hotline triage, Copenhagen site)"));
    }

    @Test
    @TestSecurity(user = "bornholm", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "infohus-bornholm"))
    void malformedEventsAreSkippedAndDoNotBlockTheNextOnes() {
        core.publishRaw("bad-1", "dk.hotline.referral.created.v1", "k1", "{not json", 0);
        core.publishRaw("bad-2", "dk.hotline.referral.created.v1", "k2", "{\"referralId\":\"x\",\"line\":\"MOON\"}", 0);
        core.publishRaw("bad-3", "dk.hotline.referral.created.v1", "k3", "{\"municipalityCode\":\"400\"}", 0);
        ReferralEvents.Referral r = ReferralEvents.referral("400", "AGE_25_PLUS");
        core.publish(r, 0);
        awaitInInbox(r.id());
    }

    @Test
    @TestSecurity(user = "midtvest", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "infohus-midt-vestjylland"))
    void deadlineFromCoreIsKeptAsSentAndOverdueFilterListsOnlyOverdue() {
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Not what the rule would give for LOW (72 h): routing must keep core's instant, never recompute it.
        Instant fromCore = created.plus(5, ChronoUnit.HOURS);
        ReferralEvents.Referral r = ReferralEvents.referral("657", "AGE_25_PLUS")
                .with("severity", "LOW").with("deadlineAt", fromCore.toString());
        ReferralEvents.Referral withoutDeadline = ReferralEvents.referral("657", "AGE_25_PLUS");
        withoutDeadline.payload().remove("deadlineAt");
        core.publishRaw(withoutDeadline.eventId(), "dk.hotline.referral.created.v1", withoutDeadline.id(),
                withoutDeadline.json(), 0);
        core.publish(r, 0);
        awaitInInbox(r.id());
        given().get("/api/inbox/referrals/{id}", r.id()).then().body("deadlineAt", equalTo(fromCore.toString()));
        given().get("/api/inbox/referrals/{id}", withoutDeadline.id()).then().statusCode(404);
        given().get("/api/inbox/referrals?filter=overdue").then().statusCode(200).body("referralId", not(hasItem(r.id())));
        given().get("/api/inbox/referrals?filter=bogus").then().statusCode(400).body("errors[0].field", equalTo("filter"));
    }
}
