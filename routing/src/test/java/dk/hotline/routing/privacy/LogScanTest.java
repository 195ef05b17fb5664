package dk.hotline.routing.privacy;

import dk.hotline.routing.support.ReferralEvents;
import dk.hotline.routing.support.RoutingTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Referrals with sentinel names, numbers, addresses and free text, one of them malformed, read and rejected by the
 * recipient with bad input among the good; then every line routing logged is searched for them.
 */
@QuarkusTest
@QuarkusTestResource(RoutingTestResources.class)
@TestSecurity(user = "fyn-contact", roles = "recipient")
@OidcSecurity(claims = @Claim(key = "organisation", value = "infohus-fyn"))
class LogScanTest {

    private static final Path LOG = Path.of("target", "test-logs", "routing.log");
    private static final String NAME = "Sentinel Navnesen";
    private static final String PHONE = "+45 2012 3456";
    private static final String EMAIL = "sentinel.navnesen@example.dk";
    private static final String TEXT = "SENTINEL-FREETEXT-7f3a";
    private static final List<String> SENTINELS = List.of("navnesen", "2012 3456", "20123456", "4520123456", "7f3a", "example.dk");

    @Test
    void noPersonalValueReachesTheLog() throws IOException {
        ReferralEvents.Referral referral = ReferralEvents.referral("461", "AGE_25_PLUS")
                .with("description", TEXT + " om " + NAME)
                .with("callerContact", Map.of("name", NAME, "phone", PHONE, "email", EMAIL));
        try (ReferralEvents core = new ReferralEvents()) {
            core.publish(referral);
            // A malformed event that carries the same values: it must be refused without echoing them.
            core.publishRaw(UUID.randomUUID().toString(), "dk.hotline.referral.created.v1", referral.id() + "-bad",
                    "{\"referralId\":\"" + NAME + "\",\"description\":\"" + TEXT + "\",\"callerContact\":{\"phone\":\"" + PHONE + "\"}", null);
            ReferralEvents.Referral badSeverity = referral.asNewEvent().with("severity", NAME);
            core.publishRaw(badSeverity.eventId(), "dk.hotline.referral.created.v1", referral.id(), badSeverity.json(), null);
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().get("/api/inbox/referrals/{id}", referral.id()).then().statusCode(200));
        given().contentType(ContentType.JSON).body("{\"reason\":\"" + (NAME + " " + TEXT).repeat(150) + "\"}")
                .post("/api/inbox/referrals/{id}/reject", referral.id()).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"reason\":\"" + TEXT + "\", " + PHONE + "}")
                .post("/api/inbox/referrals/{id}/reject", referral.id()).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"reason\":\"Ikke vores område: " + NAME + " bor i " + TEXT + "\"}")
                .post("/api/inbox/referrals/{id}/reject", referral.id()).then().statusCode(200);
        given().get("/api/inbox/referrals/{id}", NAME).then().statusCode(404);

        List<String> leaks = new ArrayList<>();
        List<String> lines = Files.readAllLines(LOG);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).toLowerCase(Locale.ROOT);
            for (String sentinel : SENTINELS) {
                if (line.contains(sentinel)) {
                    leaks.add(LOG + ":" + (i + 1) + " holds \"" + sentinel + "\": " + lines.get(i));
                }
            }
        }
        assertThat(leaks).as("log lines with personal values (%d lines scanned)", lines.size()).isEmpty();
    }
}
