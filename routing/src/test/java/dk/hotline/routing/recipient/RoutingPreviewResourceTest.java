package dk.hotline.routing.recipient;

import dk.hotline.contracts.Contract;
import dk.hotline.routing.support.RoutingTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Producer side of routing-preview.v1, which core's advisor console reads (core's ConsumedContractsTest is the
 * consumer side): what routing answers conforms to the schema, and a bad parameter is a problem naming it.
 */
@QuarkusTest
@QuarkusTestResource(RoutingTestResources.class)
@TestSecurity(user = "advisor", roles = "advisor")
class RoutingPreviewResourceTest {

    @Test
    void theAnswerConformsToTheContractCoreReads() {
        String body = given().queryParam("line", "NATIONAL").queryParam("severity", "MEDIUM")
                .queryParam("site", "AARHUS").queryParam("municipalityCode", "461")
                .get("/api/routing/preview").then().statusCode(200)
                .body("deadlineHours", equalTo(48))
                .extract().asString();
        assertThat(Contract.ROUTING_PREVIEW_V1.violations(body)).as(body).isEmpty();
    }

    @Test
    void aMissingSeverityIsAProblemNamingIt() {
        given().queryParam("line", "NATIONAL").queryParam("site", "AARHUS")
                .get("/api/routing/preview").then().statusCode(400).contentType("application/problem+json")
                .body(org.hamcrest.Matchers.containsString("severity"));
    }
}
