package dk.hotline.core.contact;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Drafts, autosave, finalising and amendments through the API, on the real PostgreSQL. */
@QuarkusTest
class ContactResourceTest {

    static final String PROBLEM = "application/problem+json";
    static final String COMPLETE = """
            {"callerRole":"PROFESSIONAL","callerSector":"SCHOOL","concernCategory":"RIGHT_WING_EXTREMISM",
             "ageBand":"AGE_15_17","municipalityCode":"461","adviceThemes":["SIGNS_OF_RADICALISATION","LOCAL_OFFERS"],
             "summary":"Teacher worried about a pupil's new online contacts.","outcome":"ADVICE_ONLY"}""";

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void contactOutsideTheSystemIsOpenedForTheTokensSiteAndAutosavesPartially() {
        String id = open("EMAIL");
        given().get("/api/contacts/" + id).then().statusCode(200)
                .body("site", equalTo("AARHUS")).body("channel", equalTo("EMAIL")).body("status", equalTo("DRAFT"))
                .body("line", equalTo("NATIONAL")).body("advisorEndpoint", equalTo("advisor-aarhus-1"));
        patch(id, "{\"callerRole\":\"RELATIVE\",\"adviceThemes\":[\"SELF_CARE\"]}").statusCode(200)
                .body("callerRole", equalTo("RELATIVE")).body("adviceThemes", contains("SELF_CARE"));
        patch(id, "{\"summary\":\"Mother called about her son.\",\"municipalityCode\":\"101\"}").statusCode(200)
                .body("callerRole", equalTo("RELATIVE")).body("summary", equalTo("Mother called about her son."))
                .body("municipalityCode", equalTo("101"));
        // One rule with routing (MunicipalityCode): the four-digit form and spaces are taken as the three digits.
        patch(id, "{\"municipalityCode\":\"0461\"}").statusCode(200).body("municipalityCode", equalTo("461"));
        patch(id, "{\"municipalityCode\":\" 101 \"}").statusCode(200).body("municipalityCode", equalTo("101"));
        patch(id, "{\"clear\":[\"municipalityCode\"]}").statusCode(200).body("municipalityCode", nullValue())
                .body("summary", equalTo("Mother called about her son."));
        given().queryParam("status", "DRAFT").get("/api/contacts").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void siteInTheBodyIsRefusedAndHotlineCallsCannotBeOpenedByHand() {
        given().contentType(ContentType.JSON).body("{\"channel\":\"PHONE_OUTSIDE_SYSTEM\",\"site\":\"COPENHAGEN\"}")
                .post("/api/contacts").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("site"));
        given().contentType(ContentType.JSON).body("{\"channel\":\"PHONE_OUTSIDE_SYSTEM\"}")
                .post("/api/contacts").then().statusCode(201).body("site", equalTo("AARHUS"));
        given().contentType(ContentType.JSON).body("{\"channel\":\"HOTLINE_CALL\"}")
                .post("/api/contacts").then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("channel"));
        given().contentType(ContentType.JSON).body("{}")
                .post("/api/contacts").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("channel"));
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void anAarhusAdvisorCannotOpenAContactOnCopenhagensLocalLine() {
        given().contentType(ContentType.JSON).body("{\"channel\":\"EMAIL\",\"line\":\"COPENHAGEN_LOCAL\"}")
                .post("/api/contacts").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("line"));
        given().contentType(ContentType.JSON).body("{\"channel\":\"EMAIL\"}")
                .post("/api/contacts").then().statusCode(201).body("line", equalTo("NATIONAL")).body("site", equalTo("AARHUS"));
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1"),
            @Claim(key = "line", value = "COPENHAGEN_LOCAL")})
    void aTokenGivingAnAarhusAdvisorCopenhagensLineIsRefused() {
        given().contentType(ContentType.JSON).body("{\"channel\":\"EMAIL\"}")
                .post("/api/contacts").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "carl", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "COPENHAGEN"), @Claim(key = "endpoint", value = "advisor-cph-1"),
            @Claim(key = "line", value = "COPENHAGEN_LOCAL")})
    void aCopenhagenAdvisorOnTheLocalLineOpensContactsOnItFromTheToken() {
        given().contentType(ContentType.JSON).body("{\"channel\":\"EMAIL\"}")
                .post("/api/contacts").then().statusCode(201).body("line", equalTo("COPENHAGEN_LOCAL")).body("site", equalTo("COPENHAGEN"));
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void christiansoeIsAcceptedAndALeadingZeroIsReadAsTheSameCode() {
        String id = open("PHONE_OUTSIDE_SYSTEM");
        // Christiansø is not a municipality, but routing routes it (territories.csv): the one reference data says so.
        patch(id, "{\"municipalityCode\":\"411\"}").statusCode(200).body("municipalityCode", equalTo("411"));
        patch(id, "{\"municipalityCode\":\"0461\"}").statusCode(200).body("municipalityCode", equalTo("461"));
        patch(id, "{\"municipalityCode\":\"00461\"}").statusCode(400).body("errors[0].field", equalTo("municipalityCode"));
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void badInputNamesTheFieldAndChangesNothing() {
        String id = open("PHONE_OUTSIDE_SYSTEM");
        patch(id, "{\"summary\":\"kept\"}").statusCode(200);
        patch(id, "{\"concernCategory\":\"ECO_TERRORISM\"}").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("concernCategory"))
                .body("errors[0].message", containsString("RIGHT_WING_EXTREMISM"));
        patch(id, "{\"adviceThemes\":[\"SELF_CARE\",\"PRAYER\"]}").statusCode(400)
                .body("errors[0].field", containsString("adviceThemes"));
        patch(id, "{\"municipalityCode\":\"999\"}").statusCode(422).body("errors[0].field", equalTo("municipalityCode"));
        patch(id, "{\"municipalityCode\":\"46\"}").statusCode(400).body("errors[0].field", equalTo("municipalityCode"));
        patch(id, "{\"municipalityCode\":\"00461\"}").statusCode(400).body("errors[0].field", equalTo("municipalityCode"));
        patch(id, "{\"summary\":\"" + "x".repeat(4001) + "\"}").statusCode(400).body("errors[0].field", equalTo("summary"));
        patch(id, "{\"callerRole\":\"RELATIVE\",\"callerSector\":\"SCHOOL\"}").statusCode(422)
                .body("errors[0].field", equalTo("callerSector"));
        given().queryParam("status", "OPEN").get("/api/contacts").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"));
        given().get("/api/contacts/" + id).then().statusCode(200)
                .body("summary", equalTo("kept")).body("concernCategory", nullValue())
                .body("municipalityCode", nullValue()).body("callerRole", nullValue()).body("version", equalTo(1));
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void finalisingAnIncompleteLogListsEveryMissingFieldAndLeavesTheDraft() {
        String id = open("EMAIL");
        patch(id, "{\"callerRole\":\"PROFESSIONAL\",\"outcome\":\"ADVICE_ONLY\"}").statusCode(200);
        finalise(id, null).statusCode(422).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("callerSector", "concernCategory", "ageBand", "adviceThemes", "summary"));
        given().get("/api/contacts/" + id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void callWithoutContentNeedsOnlyItsOutcome() {
        String id = open("PHONE_OUTSIDE_SYSTEM");
        patch(id, "{\"outcome\":\"NO_CONTENT_WRONG_NUMBER\"}").statusCode(200);
        finalise(id, null).statusCode(200).body("status", equalTo("FINAL"));
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void finalLogIsImmutableAndCorrectedOnlyByAnAmendmentWithAReason() {
        String id = open("EMAIL");
        patch(id, COMPLETE).statusCode(200);
        finalise(id, null).statusCode(200).body("status", equalTo("FINAL"))
                .body("finalisedBy", equalTo("anna")).body("finalisedAt", notNullValue());
        patch(id, "{\"summary\":\"changed afterwards\"}").statusCode(409).contentType(PROBLEM);
        finalise(id, null).statusCode(409);

        amend(id, "{\"changes\":{\"ageBand\":\"AGE_18_24\"}}").statusCode(400).body("errors[0].field", equalTo("reason"));
        amend(id, "{\"reason\":\"  \",\"changes\":{\"ageBand\":\"AGE_18_24\"}}").statusCode(400).body("errors[0].field", equalTo("reason"));
        amend(id, "{\"reason\":\"Age confirmed\",\"changes\":{\"clear\":[\"summary\"]}}").statusCode(422)
                .body("errors[0].field", equalTo("summary"));
        given().get("/api/contacts/" + id).then().body("ageBand", equalTo("AGE_15_17")).body("amendments.size()", equalTo(0));

        amend(id, "{\"reason\":\"Caller called back: the pupil is 18\",\"changes\":{\"ageBand\":\"AGE_18_24\"}}")
                .statusCode(201).body("amendedBy", equalTo("anna")).body("before.ageBand", equalTo("AGE_15_17"))
                .body("after.ageBand", equalTo("AGE_18_24"));
        given().get("/api/contacts/" + id).then().statusCode(200)
                .body("status", equalTo("FINAL")).body("ageBand", equalTo("AGE_18_24"))
                .body("amendments[0].reason", equalTo("Caller called back: the pupil is 18"))
                .body("amendments[0].amendedAt", notNullValue());
    }

    @Test
    @TestSecurity(user = "bo", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "COPENHAGEN"), @Claim(key = "endpoint", value = "advisor-cph-1")})
    void anotherSitesContactIsNotFound() {
        String aarhus = ContactFixtures.aarhusDraft();
        given().get("/api/contacts/" + aarhus).then().statusCode(404).contentType(PROBLEM);
        patch(aarhus, "{\"summary\":\"x\"}").statusCode(404);
        given().get("/api/contacts").then().statusCode(200).body("id", org.hamcrest.Matchers.not(hasItem(aarhus)));
    }

    @Test
    @TestSecurity(user = "sofie", roles = "supervisor")
    @OidcSecurity(claims = @Claim(key = "site", value = "COPENHAGEN"))
    void supervisorReadsAnotherSiteOnlyWithAReasonAndDoesNotEditDrafts() {
        String aarhus = ContactFixtures.aarhusDraft();
        given().get("/api/contacts/" + aarhus).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("X-Access-Reason"));
        given().header("X-Access-Reason", "Monthly quality review").get("/api/contacts/" + aarhus).then().statusCode(200)
                .body("site", equalTo("AARHUS"));
        given().get("/api/contacts").then().statusCode(200).body("id", not(hasItem(aarhus)));
        given().header("X-Access-Reason", "Monthly quality review").get("/api/contacts").then().statusCode(200)
                .body("id", hasItems(aarhus));
        patch(aarhus, "{\"summary\":\"x\"}").statusCode(403);
    }

    @Test
    @TestSecurity(user = "sofie", roles = "supervisor")
    @OidcSecurity(claims = @Claim(key = "site", value = "COPENHAGEN"))
    void supervisorMayAmendAnotherSitesFinalLog() {
        String aarhus = ContactFixtures.aarhusFinalLog();
        amend(aarhus, "{\"reason\":\"Category corrected at the monthly review\",\"changes\":{\"concernCategory\":\"HYBRID\"}}")
                .statusCode(201).body("amendedBy", equalTo("sofie"));
        given().header("X-Access-Reason", "Monthly quality review").get("/api/contacts/" + aarhus).then()
                .body("concernCategory", equalTo("HYBRID"))
                .body("amendments[0].amendedBy", equalTo("sofie"));
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    void advisorWithoutSiteClaimIsForbidden() {
        given().contentType(ContentType.JSON).body("{\"channel\":\"EMAIL\"}").post("/api/contacts").then().statusCode(403);
    }

    @Test
    void withoutTokenContactsAnswer401() {
        given().get("/api/contacts").then().statusCode(401);
        given().get("/api/advisor/events").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void vocabulariesCarryDanishAndEnglishLabels() {
        given().get("/api/vocabularies").then().statusCode(200)
                .body("concernCategory.find { it.code == 'MISOGYNY_INCEL' }.da", equalTo("Kvindehad/incel"))
                .body("callerRole.find { it.code == 'RELATIVE' }.da", equalTo("Pårørende"))
                .body("severity.code", contains("ACUTE", "HIGH", "MEDIUM", "LOW"));
    }

    static String open(String channel) {
        return given().contentType(ContentType.JSON).body("{\"channel\":\"" + channel + "\"}")
                .post("/api/contacts").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse patch(String id, String body) {
        return given().contentType(ContentType.JSON).body(body).patch("/api/contacts/" + id).then();
    }

    static ValidatableResponse finalise(String id, String body) {
        var request = given().contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/contacts/" + id + "/finalise").then();
    }

    static ValidatableResponse amend(String id, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/contacts/" + id + "/amendments").then();
    }
}
