package dk.hotline.routing.problem;

import dk.hotline.platform.problem.contract.StrictBodyContract;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation in routing's OpenAPI document that takes a JSON body refuses what a strict API must refuse. */
@QuarkusTest
class StrictBodiesTest {

    @Test
    @TestSecurity(user = "walker", roles = {"recipient", "supervisor"})
    @OidcSecurity(claims = @Claim(key = "organisation", value = "infohus-fyn"))
    void everyOperationOfTheOpenApiDocumentRefusesBadBodiesWithProblemJson() throws Exception {
        long limit = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class).asLongValue();
        StrictBodyContract contract = StrictBodyContract.walk(limit, Map.of("id", "ssp-671"));

        assertThat(contract.checkedOperations()).isNotEmpty();
        assertThat(contract.failures()).isEmpty();
    }

    @Test
    void swaggerUiIsServedBesideTheOpenApiDocument() {
        io.restassured.RestAssured.given().get("/q/swagger-ui/").then().statusCode(200);
        io.restassured.RestAssured.given().get("/q/openapi").then().statusCode(200);
    }
}
