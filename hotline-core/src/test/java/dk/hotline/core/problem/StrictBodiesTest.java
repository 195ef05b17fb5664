package dk.hotline.core.problem;

import dk.hotline.platform.problem.contract.StrictBodyContract;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Every JSON body core takes is read strictly; what it refuses is a problem+json naming the field, and nothing changes. */
@QuarkusTest
class StrictBodiesTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    @TestSecurity(user = "walker", roles = {"advisor", "rotation-admin", "supervisor", "recipient", "service"})
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void everyOperationOfTheOpenApiDocumentRefusesBadBodiesWithProblemJson() throws Exception {
        long limit = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class).asLongValue();
        StrictBodyContract contract = StrictBodyContract.walk(limit, Map.of("month", "2036-05", "line", "NATIONAL"));

        assertThat(contract.checkedOperations())
                .contains("PATCH /api/contacts/{id}", "PUT /api/rotation/months/{month}", "POST /api/contacts");
        assertThat(contract.failures()).isEmpty();
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void aMisspeltAutosaveFieldIsRefusedNotSilentlyDropped() {
        String id = given().contentType(ContentType.JSON).body("{\"channel\":\"PHONE_OUTSIDE_SYSTEM\"}")
                .post("/api/contacts").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("{\"summary\":\"kept\",\"municipalityCod\":\"461\"}")
                .patch("/api/contacts/" + id).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("municipalityCod"))
                .body("errors[0].message", equalTo("is not a known field"));
        given().contentType(ContentType.JSON).body("{\"summary\":5}")
                .patch("/api/contacts/" + id).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("summary"));
        given().contentType(ContentType.JSON).body("{\n  \"summary\": \"x\",\n  oops\n}")
                .patch("/api/contacts/" + id).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("line 3, column"));
        given().get("/api/contacts/" + id).then().statusCode(200)
                .body("summary", nullValue()).body("municipalityCode", nullValue());
    }

    @Test
    @TestSecurity(user = "rotation-admin", roles = "rotation-admin")
    void anExtraFieldInAMonthAssignmentCommitsNoNewScheduleVersion() {
        String before = given().get("/api/rotation").then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", before)
                .body("{\"site\":\"AARHUS\",\"reason\":\"Cover\",\"sitee\":\"COPENHAGEN\"}")
                .put("/api/rotation/months/2037-05").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("sitee"));
        assertThat(given().get("/api/rotation").then().statusCode(200).extract().header("ETag")).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void tooLargeAndNonJsonBodiesAreProblemJsonToo() {
        given().contentType(ContentType.JSON).body("{\"summary\":\"" + "x".repeat(300_000) + "\"}")
                .post("/api/contacts").then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
        given().contentType(ContentType.TEXT).body("channel=EMAIL")
                .post("/api/contacts").then().statusCode(415).contentType(PROBLEM).body("status", equalTo(415));
    }
}
