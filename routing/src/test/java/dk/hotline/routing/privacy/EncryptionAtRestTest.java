package dk.hotline.routing.privacy;

import dk.hotline.routing.support.ReferralEvents;
import dk.hotline.routing.support.RoutingTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Routing's copy of a referral holds its free text and the caller's contact details encrypted, never as text. */
@QuarkusTest
@QuarkusTestResource(RoutingTestResources.class)
class EncryptionAtRestTest {

    @Test
    @TestSecurity(user = "fyn-contact", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "infohus-fyn"))
    void theCopyOfAReferralIsStoredEncryptedAndReadsBackAsSent() throws Exception {
        ReferralEvents.Referral referral = ReferralEvents.referral("461", "AGE_25_PLUS");
        try (ReferralEvents core = new ReferralEvents()) {
            core.publish(referral);
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().get("/api/inbox/referrals/{id}", referral.id()).then().statusCode(200)
                        .body("description", equalTo("Worried teacher: pupil shares propaganda"))
                        .body("callerContact.phone", equalTo("+4512345678")));

        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class));
             PreparedStatement s = c.prepareStatement("SELECT description, caller_name, caller_phone, caller_email FROM referral WHERE referral_id = ?")) {
            s.setString(1, referral.id());
            try (ResultSet row = s.executeQuery()) {
                assertThat(row.next()).isTrue();
                for (int column = 1; column <= 4; column++) {
                    assertThat(row.getString(column)).startsWith("test1:v2:").doesNotContain("teacher").doesNotContain("Teacher")
                            .doesNotContain("12345678").doesNotContain("example.dk");
                }
            }
        }
    }
}
