package dk.hotline.core.rotation.rest;

import io.quarkus.test.junit.QuarkusTest;
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
                .contains("data-testid=\"answer\"").contains("linjen er lukket");
        String bad = given().get("/vagtplan?aar=2030&tid=juleaften").then().statusCode(200).extract().asString();
        assertThat(bad).contains("id=\"f-tid-error\"").contains("Skriv dato og klokkeslæt");
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    void anAdvisorHasNoAccessToTheRotationAdminPage() {
        given().get("/vagtplan").then().statusCode(403);
    }
}
