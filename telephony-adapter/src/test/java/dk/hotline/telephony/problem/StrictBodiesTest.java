package dk.hotline.telephony.problem;

import dk.hotline.platform.problem.contract.StrictBodyContract;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The adapter's HTTP API takes one body (the presence change); the same OpenAPI walk as core's and routing's
 * covers any operation that gains one, and the platform's problem+json answers what the
 * HTTP layer refuses by itself.
 */
@QuarkusTest
class StrictBodiesTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    @TestSecurity(user = "walker", roles = {"rotation-admin", "supervisor", "service"})
    void everyOperationOfTheOpenApiDocumentRefusesBadBodiesWithProblemJson() throws Exception {
        long limit = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class).asLongValue();
        StrictBodyContract contract = StrictBodyContract.walk(limit, Map.of());

        assertThat(contract.failures()).isEmpty();
    }

    @Test
    @TestSecurity(user = "walker", roles = {"rotation-admin", "supervisor"})
    void refusalsOfTheHttpLayerAreProblemJson() {
        given().contentType(ContentType.JSON).body("\"" + "x".repeat(20_000) + "\"")
                .post("/api/telephony/status").then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
        given().get("/api/telephony/no-such-thing").then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
    }

    @Test
    void swaggerUiIsServedBesideTheOpenApiDocument() {
        io.restassured.RestAssured.given().get("/q/swagger-ui/").then().statusCode(200);
        io.restassured.RestAssured.given().get("/q/openapi").then().statusCode(200);
    }
}
