package dk.hotline.routing.screen;

import dk.hotline.routing.support.ReferralEvents;
import dk.hotline.routing.support.RoutingTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/**
 * The inbox pages without a browser (the browser test is InboxIT): what they show, bad form input answered with the
 * page again and the Danish message beside the field, nothing changed; a copy shows no actions and no caller details.
 */
@QuarkusTest
@QuarkusTestResource(RoutingTestResources.class)
class InboxPageTest {

    @Test
    @TestSecurity(user = "ssp-contact", roles = "recipient")
    @OidcSecurity(claims = {@Claim(key = "organisation", value = "ssp-461"), @Claim(key = "name", value = "Demo SSP Odense")})
    void theOwnerSeesTheReferralItsReasonAndDeadlineAndBadInputIsRefusedInDanish() {
        ReferralEvents.Referral child = ReferralEvents.referral("461", "AGE_15_17");
        try (ReferralEvents core = new ReferralEvents()) {
            core.publish(child);
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/indbakke/{id}", child.id()).then().statusCode(200));

        given().get("/indbakke").then().statusCode(200).contentType("text/html")
                .body(matchesPattern("(?s).*<title>Indbakke \\(\\d+ åbne\\) – Hotline om ekstremisme</title>.*"))
                .body(containsString("data-referral=\"" + child.id() + "\""))
                .body(containsString("Demo SSP Odense"));
        given().get("/indbakke/{id}", child.id()).then().statusCode(200)
                .body(containsString("Under 18 år: Odense (kommune 461) → SSP Odense; Infohus Fyn får en kopi"
                        + " (Odense (kommune 461) hører under Fyns Politi)"))
                .body(not(containsString("Subject under 18")))
                .body(containsString("Alvor Høj: visiteres inden for 24 timer fra oprettelsen. Er der ikke kvitteret"
                        + " inden fristen, eskaleres den til hotlinens supervisorer."))
                .body(containsString("Worried teacher: pupil shares propaganda"))
                .body(containsString("+4512345678"));

        given().formParam("organisationId", "ssp-461").formParam("forwardReason", "")
                .post("/indbakke/{id}/videresend", child.id()).then().statusCode(422)
                .body(containsString("Vælg en anden organisation end jeres egen"))
                .body(containsString("id=\"e-forwardReason\">Skriv en begrundelse"));
        given().formParam("outcome", "CASE_MAYBE").post("/indbakke/{id}/udfald", child.id()).then().statusCode(422)
                .body(containsString("Vælg et udfald fra listen"));
        // Recording an outcome before accepting: the page again with the conflict notice.
        given().formParam("outcome", "CASE_STARTED").post("/indbakke/{id}/udfald", child.id()).then().statusCode(409)
                .body(containsString("Handlingen passer ikke med henvendelsens status"));
        given().get("/api/inbox/referrals/{id}", child.id()).then().statusCode(200)
                .body(containsString("\"progress\":\"DELIVERED\""))
                .body("explanation", equalTo("Subject under 18: Odense (461) → SSP Odense; Infohus Fyn gets a copy"
                        + " (Odense (461) belongs to Fyns Politi)"))
                .body("$", not(hasKey("routingReason")));
    }

    @Test
    @TestSecurity(user = "fyn-contact", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "infohus-fyn"))
    void aCopyIsReadableWithoutCallerDetailsOrActions() {
        ReferralEvents.Referral child = ReferralEvents.referral("461", "UNDER_15");
        try (ReferralEvents core = new ReferralEvents()) {
            core.publish(child);
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/indbakke/{id}", child.id()).then().statusCode(200));
        given().get("/indbakke/{id}", child.id()).then().statusCode(200)
                .body(containsString("Kopi til orientering"))
                .body(not(containsString("+4512345678")))
                .body(not(containsString("data-testid=\"acknowledge\"")));
        given().get("/indbakke/{id}", "no-such-referral").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "supervisor", roles = "supervisor")
    void theDirectoryPageRefusesABadMailboxAndAMissingReasonWithTheFieldsNamedAndSavesAGoodOneAudited() {
        given().get("/katalog").then().statusCode(200).body(containsString("Fyns Politi")).body(containsString("2007-01-01"));
        given().formParam("mode", "INBOX").formParam("mailbox", "ikke en adresse").formParam("webhookUrl", "")
                .formParam("webhookSecret", "").formParam("reason", "").post("/katalog/infohus-fyn").then().statusCode(422)
                .body(containsString("id=\"e-reason\">Skriv, hvorfor ændringen laves"))
                .body(containsString("<a href=\"#f-reason\">Skriv, hvorfor ændringen laves</a>"))
                .body(containsString("id=\"e-mailbox\">Skriv en gyldig e-mailadresse"));
        given().formParam("mode", "INBOX").formParam("mailbox", "ikke en adresse").formParam("webhookUrl", "")
                .formParam("webhookSecret", "").formParam("reason", "Ny postkasse").post("/katalog/infohus-fyn").then().statusCode(422)
                .body(containsString("id=\"e-mailbox\">Skriv en gyldig e-mailadresse"))
                .body(containsString(">Ny postkasse</textarea>"));
        given().get("/katalog").then().statusCode(200).body(not(containsString("ikke en adresse")));
        given().redirects().follow(false).formParam("mode", "INBOX").formParam("mailbox", "infohus.fyn@politi.example")
                .formParam("webhookUrl", "").formParam("webhookSecret", "")
                .formParam("reason", "Infohuset har fået en ny fælles postkasse").post("/katalog/infohus-fyn").then().statusCode(303);
        given().get("/katalog").then().statusCode(200).body(containsString("infohus.fyn@politi.example"))
                .body(matchesPattern("(?s).*data-testid=\"changes\".*<td>supervisor</td><td>Infohus Fyn</td>"
                        + "<td>Infohuset har fået en ny fælles postkasse</td>.*"));
        given().get("/api/audit?recordId=infohus-fyn&limit=1").then().statusCode(200)
                .body("[0].action", equalTo("CONFIGURE")).body("[0].actor", equalTo("supervisor"))
                .body("[0].reason", equalTo("Infohuset har fået en ny fælles postkasse"));
    }
}
