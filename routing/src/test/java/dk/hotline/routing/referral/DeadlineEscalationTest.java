package dk.hotline.routing.referral;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.platform.events.EventFieldCipher;
import dk.hotline.routing.support.DeliveriesTopic;
import dk.hotline.routing.support.EventSchemas;
import dk.hotline.routing.support.ReferralEvents;
import dk.hotline.routing.support.RoutingTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(RoutingTestResources.class)
class DeadlineEscalationTest {

    private static ReferralEvents core;
    private static DeliveriesTopic deliveries;

    @Inject
    EventFieldCipher eventFields;

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

    @Test
    @TestSecurity(user = "kbh-ssp", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "ssp-101"))
    void notAcknowledgedByTheDeadlineIsOverdueAndEscalatedToTheOnDutySitesSupervisorsOnce() throws Exception {
        Instant created = Instant.now().minus(25, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        ReferralEvents.Referral r = ReferralEvents.referral("101", "UNDER_15")
                .with("createdAt", created.toString())
                .with("deadlineAt", created.plus(24, ChronoUnit.HOURS).toString())
                .with("handledBySite", "COPENHAGEN");
        core.publish(r);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(deliveries.typesOf(r.id())).containsExactly(
                "dk.hotline.referral.routed.v1", "dk.hotline.referral.delivered.v1",
                "dk.hotline.referral.overdue.v1", "dk.hotline.referral.escalated.v1"));
        deliveries.of(r.id()).forEach(e -> EventSchemas.REFERRAL_STATUS.assertValid(e.value()));
        // The reason travels sealed (docs/decisions/personal-data-in-events.md): in clear only once opened.
        String escalated = deliveries.of(r.id()).get(3).value();
        String sealedReason = new ObjectMapper().readTree(escalated).path("reason").asText();
        assertThat(escalated).doesNotContain("escalated to the supervisors");
        assertThat(eventFields.open(StatusEvents.SEALED_IN, "reason", r.id(), sealedReason))
                .contains("escalated to the supervisors of the on-duty site COPENHAGEN");

        given().get("/api/inbox/referrals?filter=overdue").then().statusCode(200).body("referralId", hasItem(r.id()));
        given().get("/api/inbox/referrals/{id}", r.id()).then().body("overdue", equalTo(true));

        // Acknowledging late stops nothing that already happened and escalates nothing again.
        given().post("/api/inbox/referrals/{id}/acknowledge", r.id()).then().statusCode(200);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(deliveries.typesOf(r.id())).endsWith("dk.hotline.referral.acknowledged.v1"));
        assertThat(deliveries.typesOf(r.id())).filteredOn(t -> t.contains("escalated")).hasSize(1);
    }

    @Test
    @TestSecurity(user = "supervisor", roles = "supervisor")
    void supervisorsSeeEscalationsOfTheirSite() {
        Instant created = Instant.now().minus(50, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        ReferralEvents.Referral r = ReferralEvents.referral("147", "AGE_25_PLUS").with("severity", "MEDIUM")
                .with("createdAt", created.toString()).with("deadlineAt", created.plus(48, ChronoUnit.HOURS).toString());
        core.publish(r);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().get("/api/supervisor/escalations?site=AARHUS").then().statusCode(200)
                        .body("find { it.referralId == '" + r.id() + "' }.reason", startsWith("Not acknowledged by its deadline")));
        given().get("/api/supervisor/escalations?site=MOON").then().statusCode(400).body("errors[0].field", equalTo("site"));
    }
}
