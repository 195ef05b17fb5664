package dk.hotline.core.rotation.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A person's calendar links on a page: made (addresses shown once), listed, revoked; the feed follows. */
@QuarkusTest
class CalendarLinksPageTest {

    @Test
    @TestSecurity(user = "carl-kalender", roles = "advisor")
    void aLinkMadeOnThePageFeedsTheCalendarUntilItIsRevoked() {
        assertThat(given().get("/vagtplan/kalender").then().statusCode(200).extract().asString())
                .contains("<h1>Kalenderlinks</h1>").contains("Du har ingen kalenderlinks.");

        String made = given().contentType("application/x-www-form-urlencoded").post("/vagtplan/kalender")
                .then().statusCode(200).extract().asString();
        assertThat(made).contains("Dit nye kalenderlink").contains("<label class=\"form-label\" for=\"feed-NATIONAL\">Den nationale linje</label>")
                .contains("Aktivt");
        Matcher url = Pattern.compile("id=\"feed-NATIONAL\" type=\"text\" readonly value=\"https?://[^/\"]+(/kalender/[^\"]+/NATIONAL\\.ics)\"").matcher(made);
        assertThat(url.find()).as("the national feed's full address").isTrue();
        String feed = url.group(1);
        assertThat(given().auth().none().get(feed).then().statusCode(200).extract().asString()).contains("BEGIN:VCALENDAR");

        // Shown once: the list afterwards has the link but not its address.
        String listed = given().get("/vagtplan/kalender").then().statusCode(200).extract().asString();
        assertThat(listed).doesNotContain(feed).contains("Aktivt");
        Matcher id = Pattern.compile("action=\"/vagtplan/kalender/([0-9a-f-]+)/tilbagekald\"").matcher(listed);
        assertThat(id.find()).isTrue();

        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .post("/vagtplan/kalender/" + id.group(1) + "/tilbagekald").then().statusCode(303);
        assertThat(given().get("/vagtplan/kalender").then().statusCode(200).extract().asString()).contains("Tilbagekaldt");
        given().auth().none().get(feed).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "carl-kalender-2", roles = "advisor")
    void revokingSomethingThatIsNotALinkChangesNothing() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .post("/vagtplan/kalender/ikke-et-id/tilbagekald").then().statusCode(404)
                .contentType("application/problem+json");
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .post("/vagtplan/kalender/" + java.util.UUID.randomUUID() + "/tilbagekald").then().statusCode(404);
    }
}
