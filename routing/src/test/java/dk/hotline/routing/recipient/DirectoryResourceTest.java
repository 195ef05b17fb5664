package dk.hotline.routing.recipient;

import dk.hotline.routing.support.RoutingTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(RoutingTestResources.class)
class DirectoryResourceTest {

    @Test
    @TestSecurity(user = "admin", roles = "supervisor")
    void directoryLists12Infohuse98SspNetworksPoliceTriageAndCopenhagen() {
        given().get("/api/admin/recipients").then().statusCode(200)
                .body("findAll { it.kind == 'INFOHUS' }", hasSize(12))
                .body("findAll { it.kind == 'SSP_NETWORK' }", hasSize(98))
                .body("findAll { it.kind == 'POLICE_DISTRICT' }", hasSize(12))
                .body("find { it.id == 'kbh-koordination' }.kind", equalTo("COORDINATION_UNIT"))
                .body("find { it.id == 'ssp-461' }.name", equalTo("SSP Odense"));
        given().get("/api/admin/recipients/{id}", "infohus-bornholm").then().statusCode(200)
                .body("name", equalTo("Infohus Bornholm")).body("mode", equalTo("INBOX"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "supervisor")
    void webhookSettingsAreStoredAndTheSecretIsNeverShown() {
        given().contentType(ContentType.JSON)
                .body(Map.of("mode", "WEBHOOK", "webhookUrl", "https://ssp.lemvig.example/hotline", "webhookSecret", "0123456789abcdef-lemvig"))
                .put("/api/admin/recipients/{id}/delivery", "ssp-665").then().statusCode(200)
                .body("mode", equalTo("WEBHOOK")).body("secretSet", equalTo(true))
                .body(not(containsString("0123456789abcdef")));
        given().get("/api/admin/recipients/{id}", "ssp-665").then().statusCode(200)
                .body("webhookUrl", equalTo("https://ssp.lemvig.example/hotline"))
                .body(not(containsString("0123456789abcdef")));
        // changing only the URL keeps the secret
        given().contentType(ContentType.JSON)
                .body(Map.of("mode", "WEBHOOK", "webhookUrl", "https://ssp.lemvig.example/v2"))
                .put("/api/admin/recipients/{id}/delivery", "ssp-665").then().statusCode(200).body("secretSet", equalTo(true));
        given().contentType(ContentType.JSON).body(Map.of("mode", "INBOX", "reason", "Lemvig stopper med webhook"))
                .put("/api/admin/recipients/{id}/delivery", "ssp-665").then().statusCode(200)
                .body("mode", equalTo("INBOX")).body("secretSet", equalTo(false));
        // who, when and why, in the audit
        given().get("/api/audit?recordId=ssp-665&limit=1").then().statusCode(200)
                .body("[0].action", equalTo("CONFIGURE")).body("[0].actor", equalTo("admin"))
                .body("[0].at", notNullValue()).body("[0].reason", equalTo("Lemvig stopper med webhook"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "supervisor")
    void badSettingsAreRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("mode", "WEBHOOK", "webhookSecret", "0123456789abcdef"))
                .put("/api/admin/recipients/{id}/delivery", "ssp-671").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("webhookUrl"));
        given().contentType(ContentType.JSON).body(Map.of("mode", "WEBHOOK", "webhookUrl", "ftp://x.example/", "webhookSecret", "0123456789abcdef"))
                .put("/api/admin/recipients/{id}/delivery", "ssp-671").then().statusCode(400).body("errors[0].field", equalTo("webhookUrl"));
        given().contentType(ContentType.JSON).body(Map.of("mode", "WEBHOOK", "webhookUrl", "https://x.example/"))
                .put("/api/admin/recipients/{id}/delivery", "ssp-671").then().statusCode(400).body("errors[0].field", equalTo("webhookSecret"));
        given().contentType(ContentType.JSON).body(Map.of("mode", "WEBHOOK", "webhookUrl", "https://x.example/", "webhookSecret", "short"))
                .put("/api/admin/recipients/{id}/delivery", "ssp-671").then().statusCode(400).body("errors[0].field", equalTo("webhookSecret"));
        given().contentType(ContentType.JSON).body(Map.of("mode", "CARRIER_PIGEON"))
                .put("/api/admin/recipients/{id}/delivery", "ssp-671").then().statusCode(400).body("errors[0].field", equalTo("mode"));
        given().contentType(ContentType.JSON).body(Map.of("mode", "INBOX", "reason", "x".repeat(501)))
                .put("/api/admin/recipients/{id}/delivery", "ssp-671").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body(Map.of())
                .put("/api/admin/recipients/{id}/delivery", "ssp-671").then().statusCode(400).body("errors[0].field", equalTo("mode"));
        given().contentType(ContentType.JSON).body("{\"mode\":")
                .put("/api/admin/recipients/{id}/delivery", "ssp-671").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body("mode=INBOX")
                .put("/api/admin/recipients/{id}/delivery", "ssp-671").then().statusCode(415);
        given().contentType(ContentType.JSON).body(Map.of("mode", "INBOX"))
                .put("/api/admin/recipients/{id}/delivery", "ssp-999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "someone", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "ssp-665"))
    void recipientsCannotChangeDeliverySettings() {
        given().contentType(ContentType.JSON).body(Map.of("mode", "INBOX"))
                .put("/api/admin/recipients/{id}/delivery", "ssp-665").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
