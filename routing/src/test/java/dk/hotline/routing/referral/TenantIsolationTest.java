package dk.hotline.routing.referral;

import dk.hotline.routing.support.ReferralEvents;
import dk.hotline.routing.support.RoutingTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** A recipient sees only its own organisation's referrals; another's is 404 (not 403), so nothing leaks. */
@QuarkusTest
@QuarkusTestResource(RoutingTestResources.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantIsolationTest {

    private static ReferralEvents.Referral aarhus;

    @BeforeAll
    static void aReferralForInfohusOestjylland() {
        aarhus = ReferralEvents.referral("751", "AGE_25_PLUS");
        try (ReferralEvents core = new ReferralEvents()) {
            core.publish(aarhus);
        }
    }

    @Test
    @Order(1)
    @TestSecurity(user = "aarhus-contact", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "infohus-oestjylland"))
    void theOwnerSeesIt() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().get("/api/inbox/referrals/{id}", aarhus.id()).then().statusCode(200));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "fyn-contact", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "infohus-fyn"))
    void anotherOrganisationCannotListReadOrActOnIt() {
        for (String filter : new String[]{"new", "overdue", "all"}) {
            given().get("/api/inbox/referrals?filter=" + filter).then().statusCode(200)
                    .body("referralId", not(hasItem(aarhus.id())));
        }
        given().get("/api/inbox/referrals/{id}", aarhus.id()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().post("/api/inbox/referrals/{id}/acknowledge", aarhus.id()).then().statusCode(404);
        given().post("/api/inbox/referrals/{id}/accept", aarhus.id()).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"reason\":\"not ours\"}")
                .post("/api/inbox/referrals/{id}/reject", aarhus.id()).then().statusCode(404);
        // same answer as for a referral that does not exist
        given().get("/api/inbox/referrals/{id}", "no-such-referral").then().statusCode(404);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "aarhus-contact", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "infohus-oestjylland"))
    void theOtherOrganisationsAttemptsChangedNothing() {
        given().get("/api/inbox/referrals/{id}", aarhus.id()).then().statusCode(200)
                .body("progress", equalTo("DELIVERED")).body("acknowledgedAt", nullValue());
    }

    @Test
    @Order(4)
    @TestSecurity(user = "no-org", roles = "recipient")
    void aRecipientWithoutOrganisationClaimIsRefused() {
        given().get("/api/inbox/referrals").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @Order(5)
    @TestSecurity(user = "boss", roles = "supervisor")
    void otherRolesHaveNoInbox() {
        given().get("/api/inbox/referrals").then().statusCode(403);
    }

    @Test
    @Order(6)
    void anonymousCallersAreUnauthorised() {
        given().get("/api/inbox/referrals").then().statusCode(401);
        given().get("/api/admin/recipients").then().statusCode(401);
    }

    @Test
    @Order(7)
    @TestSecurity(user = "boss", roles = "supervisor")
    void everyReadOfTheReferralIsInTheAuditTrailAndRefusedAttemptsReadNothing() {
        given().get("/api/audit?recordId={id}", aarhus.id()).then().statusCode(200)
                .body("findAll { it.action == 'READ' }.actor", hasItem("aarhus-contact"))
                .body("findAll { it.action == 'READ' }.organisation", hasItem("infohus-oestjylland"))
                .body("actor", not(hasItem("fyn-contact")));
        given().get("/api/audit?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().get("/api/audit?limit=ten").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        // Time parameters as a person pastes them: "+02:00" unencoded (arrives as a space), Z, Danish local time.
        String hourAgo = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(2)).minusHours(1).withNano(0).toString();
        String danishLocal = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Copenhagen")).minusHours(1)
                .withNano(0).toString();
        String utc = java.time.Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        for (String from : java.util.List.of(hourAgo, utc, danishLocal)) {
            given().urlEncodingEnabled(false).get("/api/audit?recordId=" + aarhus.id() + "&from=" + from)
                    .then().statusCode(200).body("actor", hasItem("aarhus-contact"));
        }
        given().urlEncodingEnabled(false).get("/api/audit?recordId=" + aarhus.id() + "&to=" + hourAgo)
                .then().statusCode(200).body("size()", equalTo(0));
        given().get("/api/audit?from=yesterday").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
    }
}
