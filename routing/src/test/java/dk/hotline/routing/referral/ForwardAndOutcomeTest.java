package dk.hotline.routing.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Infohus Fyn forwards a referral to SSP Odense (the person turns out to be 16): Fyn loses it (404), SSP Odense gets
 * it with its own deadline, accepts it and records the outcome. Every step is one status event on hotline.deliveries,
 * valid against the contract, its free text sealed; repeats change nothing; contradictions are 409, bad input 400.
 */
@QuarkusTest
@QuarkusTestResource(RoutingTestResources.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForwardAndOutcomeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ReferralEvents.Referral referral;
    private static DeliveriesTopic deliveries;
    private static Instant firstDeadline;

    @BeforeAll
    static void aReferralForInfohusFyn() {
        deliveries = new DeliveriesTopic();
        referral = ReferralEvents.referral("461", "AGE_25_PLUS");
        try (ReferralEvents core = new ReferralEvents()) {
            core.publish(referral);
        }
    }

    @AfterAll
    static void close() {
        deliveries.close();
    }

    @Test
    @Order(1)
    @TestSecurity(user = "fyn-contact", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "infohus-fyn"))
    void fynForwardsItToSspOdenseAndLosesIt() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().get("/api/inbox/referrals/{id}", referral.id()).then().statusCode(200));
        firstDeadline = Instant.parse(given().get("/api/inbox/referrals/{id}", referral.id()).then().extract().path("deadlineAt"));
        given().post("/api/inbox/referrals/{id}/acknowledge", referral.id()).then().statusCode(200);
        // An outcome before accepting contradicts the state.
        given().contentType(ContentType.JSON).body("{\"outcome\":\"CASE_STARTED\"}")
                .post("/api/inbox/referrals/{id}/outcome", referral.id()).then().statusCode(409);
        // Bad input: the field is named, nothing changes.
        given().contentType(ContentType.JSON).body("{\"organisationId\":\"infohus-atlantis\",\"reason\":\"x\"}")
                .post("/api/inbox/referrals/{id}/forward", referral.id()).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("organisationId"));
        given().contentType(ContentType.JSON).body("{\"organisationId\":\"infohus-fyn\",\"reason\":\"x\"}")
                .post("/api/inbox/referrals/{id}/forward", referral.id()).then().statusCode(400)
                .body("errors[0].field", equalTo("organisationId"));
        given().contentType(ContentType.JSON).body("{\"organisationId\":\"ssp-461\",\"reason\":\" \"}")
                .post("/api/inbox/referrals/{id}/forward", referral.id()).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));

        given().contentType(ContentType.JSON).body("{\"organisationId\":\"ssp-461\",\"reason\":\"Personen er 16 år og bor i Odense\"}")
                .post("/api/inbox/referrals/{id}/forward", referral.id()).then().statusCode(200)
                .body("recipientId", equalTo("ssp-461")).body("forwardedFrom", equalTo("infohus-fyn"));

        given().get("/api/inbox/referrals/{id}", referral.id()).then().statusCode(404);
        given().get("/api/inbox/referrals?filter=all").then().statusCode(200).body("referralId", not(hasItem(referral.id())));
        given().post("/api/inbox/referrals/{id}/accept", referral.id()).then().statusCode(404);
        given().get("/indbakke/{id}", referral.id()).then().statusCode(404);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "ssp-contact", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "ssp-461"))
    void sspOdenseHasItWithItsOwnDeadlineAcceptsItAndRecordsTheOutcome() {
        given().get("/api/inbox/referrals?filter=new").then().statusCode(200).body("referralId", hasItem(referral.id()));
        String deadline = given().get("/api/inbox/referrals/{id}", referral.id()).then().statusCode(200)
                .body("role", equalTo("RECIPIENT")).body("progress", equalTo("DELIVERED"))
                .body("forwardReason", equalTo("Personen er 16 år og bor i Odense"))
                .body("explanation", equalTo("Forwarded by Infohus Fyn to SSP Odense; first routed: Odense (461) belongs to Fyns Politi → Infohus Fyn"))
                .extract().path("deadlineAt");
        assertThat(Instant.parse(deadline)).isAfter(firstDeadline);

        given().post("/api/inbox/referrals/{id}/accept", referral.id()).then().statusCode(200).body("progress", equalTo("ACCEPTED"));
        given().contentType(ContentType.JSON).body("{\"outcome\":\"CASE_CLOSED_SOMEHOW\"}")
                .post("/api/inbox/referrals/{id}/outcome", referral.id()).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("outcome"));
        given().contentType(ContentType.JSON).body("{\"outcome\":\"CASE_STARTED\",\"note\":\"Samtale med familien 3/12\"}")
                .post("/api/inbox/referrals/{id}/outcome", referral.id()).then().statusCode(200)
                .body("progress", equalTo("CLOSED")).body("outcome", equalTo("CASE_STARTED"));
        // The same again changes nothing; another outcome contradicts the recorded one.
        given().contentType(ContentType.JSON).body("{\"outcome\":\"CASE_STARTED\"}")
                .post("/api/inbox/referrals/{id}/outcome", referral.id()).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"outcome\":\"NO_CONTACT\"}")
                .post("/api/inbox/referrals/{id}/outcome", referral.id()).then().statusCode(409);
        // Forwarding after the decision is refused too.
        given().contentType(ContentType.JSON).body("{\"organisationId\":\"infohus-fyn\",\"reason\":\"tilbage\"}")
                .post("/api/inbox/referrals/{id}/forward", referral.id()).then().statusCode(409);
    }

    @Test
    @Order(3)
    void everyStepIsOneStatusEventValidSealedAndCarryingWhatCoreNeeds() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(deliveries.typesOf(referral.id())).containsExactly(
                "dk.hotline.referral.routed.v1", "dk.hotline.referral.delivered.v1", "dk.hotline.referral.acknowledged.v1",
                "dk.hotline.referral.forwarded.v1", "dk.hotline.referral.delivered.v1", "dk.hotline.referral.acknowledged.v1",
                "dk.hotline.referral.accepted.v1", "dk.hotline.referral.outcome_recorded.v1"));
        List<DeliveriesTopic.StatusEvent> events = deliveries.of(referral.id());
        events.forEach(e -> EventSchemas.REFERRAL_STATUS.assertValid(e.value()));

        JsonNode forwarded = JSON.readTree(events.get(3).value());
        assertThat(forwarded.get("recipientId").asText()).isEqualTo("ssp-461");
        assertThat(forwarded.get("forwardedFrom").asText()).isEqualTo("infohus-fyn");
        assertThat(forwarded.get("reason").asText()).doesNotContain("16 år");
        assertThat(ReferralEvents.EVENT_KEYS.open("referral_status", "reason", referral.id(), forwarded.get("reason").asText()))
                .isEqualTo("Personen er 16 år og bor i Odense");
        assertThat(Instant.parse(forwarded.get("deadlineAt").asText())).isAfter(firstDeadline);

        JsonNode outcome = JSON.readTree(events.get(7).value());
        assertThat(outcome.get("outcome").asText()).isEqualTo("CASE_STARTED");
        assertThat(outcome.get("reason").asText()).doesNotContain("familien");
        assertThat(ReferralEvents.EVENT_KEYS.open("referral_status", "reason", referral.id(), outcome.get("reason").asText()))
                .isEqualTo("Samtale med familien 3/12");

        // At rest: sealed to the row under routing's data key, like every free text.
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (var c = java.sql.DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class));
             var s = c.prepareStatement("SELECT forward_reason, outcome_note, outcome, forwarded_from FROM referral WHERE referral_id = ?")) {
            s.setString(1, referral.id());
            try (var row = s.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).startsWith("test1:v2:").doesNotContain("16 år");
                assertThat(row.getString(2)).startsWith("test1:v2:").doesNotContain("familien");
                assertThat(row.getString(3)).isEqualTo("CASE_STARTED");
                assertThat(row.getString(4)).isEqualTo("infohus-fyn");
            }
        }
    }
}
