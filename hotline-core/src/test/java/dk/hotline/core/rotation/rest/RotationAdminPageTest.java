package dk.hotline.core.rotation.rest;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The rotation admin's year view and dry run, rendered by the server. */
@QuarkusTest
class RotationAdminPageTest {

    @Test
    @TestSecurity(user = "rita", roles = "rotation-admin")
    void theYearShowsEachMonthsSiteHandoverAndHolidaysAndTheDryRunAnswers() {
        String html = given().get("/vagtplan?aar=2030&tid=2030-12-25T10:00&linje=NATIONAL").then().statusCode(200)
                .extract().asString();
        assertThat(html).contains("<h1>Vagtplan 2030</h1>").contains("Den nationale linje").contains("Københavns lokale linje")
                .contains("25.: Juledag").contains("1.12.2030 00:00")
                .contains("data-testid=\"answer\"").contains("linjen er lukket").contains("data-testid=\"next-opening\"")
                .contains("Linjen åbner igen").doesNotContain("data-testid=\"overflow\"");
        String open = given().get("/vagtplan?aar=2030&tid=2030-12-03T10:00&linje=NATIONAL").then().statusCode(200)
                .extract().asString();
        assertThat(open).contains("linjen er åben").contains("data-testid=\"overflow\"").contains("går det videre til")
                .doesNotContain("data-testid=\"next-opening\"");
        String local = given().get("/vagtplan?aar=2030&tid=2030-12-03T10:00&linje=COPENHAGEN_LOCAL").then().statusCode(200)
                .extract().asString();
        assertThat(local).contains("Intet overløb: Københavns lokale linje går altid til København.");
        String bad = given().get("/vagtplan?aar=2030&tid=juleaften").then().statusCode(200).extract().asString();
        assertThat(bad).contains("id=\"f-tid-error\"").contains("Skriv dato og klokkeslæt");
    }

    private static String version(String html) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertThat(m.find()).as("the page carries the schedule version").isTrue();
        return m.group(1);
    }

    @Test
    @TestSecurity(user = "rita", roles = "rotation-admin")
    void theAdminAddsAnOverrideWithAReasonSeesItInTheDryRunAndHistoryAndRemovesIt() {
        String onDuty = given().queryParam("line", "NATIONAL").queryParam("at", "2031-04-08T10:00")
                .get("/api/rotation/on-duty").then().statusCode(200).extract().path("site");
        String other = "AARHUS".equals(onDuty) ? "COPENHAGEN" : "AARHUS";
        String otherName = "AARHUS".equals(other) ? "Aarhus" : "København";
        String reason = "Kursusdage " + java.util.UUID.randomUUID().toString().substring(0, 8);
        String page = given().get("/vagtplan?aar=2031").then().statusCode(200).extract().asString();

        given().redirects().follow(false).formParam("version", version(page)).formParam("fra", "2031-04-07T08:00")
                .formParam("til", "2031-04-09T16:00").formParam("site", other).formParam("begrundelse", reason)
                .post("/vagtplan/undtagelser").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/vagtplan?aar=2031#undtagelser"));

        String after = given().get("/vagtplan?aar=2031&tid=2031-04-08T10:00&linje=NATIONAL").then().statusCode(200)
                .extract().asString();
        assertThat(after).contains(reason).contains("7.4.2031 08:00").contains("9.4.2031 16:00")
                .containsPattern("8\\.4\\.2031 10:00 på den nationale linje: <strong>" + otherName + "</strong>")
                .contains("override added");
        Matcher id = Pattern.compile(reason + "</td>\\s*<td><form method=\"post\" action=\"/vagtplan/undtagelser/([0-9a-f-]+)/fjern\"")
                .matcher(after);
        assertThat(id.find()).isTrue();

        given().redirects().follow(false).formParam("version", version(after)).formParam("aar", "2031")
                .post("/vagtplan/undtagelser/" + id.group(1) + "/fjern").then().statusCode(303);
        String removed = given().get("/vagtplan?aar=2031").then().statusCode(200).extract().asString();
        assertThat(removed).doesNotContain(reason).contains("override " + id.group(1) + " removed");
    }

    @Test
    @TestSecurity(user = "rita", roles = "rotation-admin")
    void badFieldsAreShownBesideTheFieldAndNothingIsSaved() {
        String page = given().get("/vagtplan?aar=2031").then().statusCode(200).extract().asString();
        String version = version(page);

        String missing = given().formParam("version", version).formParam("fra", "i morgen").formParam("til", "")
                .formParam("site", "ODENSE").formParam("begrundelse", " ").post("/vagtplan/undtagelser")
                .then().statusCode(200).extract().asString();
        assertThat(missing).contains("data-testid=\"error-fra\"").contains("data-testid=\"error-til\"")
                .contains("data-testid=\"error-site\"").contains("data-testid=\"error-begrundelse\"")
                .contains("Undtagelsen blev ikke gemt").contains("value=\"i morgen\"");

        String backwards = given().formParam("version", version).formParam("fra", "2031-03-12T08:00")
                .formParam("til", "2031-03-10T08:00").formParam("site", "AARHUS").formParam("begrundelse", "Baglaens")
                .post("/vagtplan/undtagelser").then().statusCode(200).extract().asString();
        assertThat(backwards).contains("Undtagelsen blev ikke gemt").contains("value=\"Baglaens\"");

        String stale = given().formParam("version", "999999999").formParam("fra", "2031-03-10T08:00")
                .formParam("til", "2031-03-12T08:00").formParam("site", "AARHUS").formParam("begrundelse", "Gammel udgave")
                .post("/vagtplan/undtagelser").then().statusCode(200).extract().asString();
        assertThat(stale).contains("Vagtplanen er ændret i mellemtiden");

        assertThat(version(given().get("/vagtplan?aar=2031").then().statusCode(200).extract().asString()))
                .as("nothing was saved").isEqualTo(version);
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void aSupervisorSeesTheOverridesButCannotChangeThem() {
        String page = given().get("/vagtplan?aar=2031").then().statusCode(200).extract().asString();
        assertThat(page).contains("Undtagelser på den nationale linje").doesNotContain("data-testid=\"add-override\"");
        given().formParam("version", "1").formParam("fra", "2031-03-10T08:00").formParam("til", "2031-03-12T08:00")
                .formParam("site", "AARHUS").formParam("begrundelse", "x").post("/vagtplan/undtagelser").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    void anAdvisorHasNoAccessToTheRotationAdminPage() {
        given().get("/vagtplan").then().statusCode(403);
    }
}
