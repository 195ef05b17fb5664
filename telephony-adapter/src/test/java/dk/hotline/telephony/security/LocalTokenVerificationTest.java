package dk.hotline.telephony.security;

import dk.hotline.platform.security.FakeKeycloak;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dk.hotline.platform.security.TokenVerificationContract.status;
import static dk.hotline.platform.security.TokenVerificationContract.warningsDuring;
import static org.assertj.core.api.Assertions.assertThat;

/** The adapter checks bearer tokens against the realm's keys only: a forged or unverifiable token never reaches Keycloak. */
@QuarkusTest
@TestProfile(LocalTokenVerificationTest.RealmOverHttp.class)
class LocalTokenVerificationTest {

    /** The local stack's setting: a realm over HTTP and no Asterisk expected (one restart for both tests). */
    public static class RealmOverHttp implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeKeycloak.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hotline.ami.required", "false");
        }
    }

    private static final String PATH = "/api/telephony/status";
    private static final List<String> ROLES = List.of("supervisor");
    private static final Map<String, Object> CLAIMS = Map.of();

    @FakeKeycloak.Inject
    FakeKeycloak keycloak;

    @Test
    void aForgedTokenIsA401WithoutAnyCallToKeycloak() {
        assertThat(status(PATH, keycloak.token("telephony-adapter", ROLES, CLAIMS))).isEqualTo(200);
        int keyFetches = keycloak.keyFetches();

        List<String> warnings = warningsDuring(() -> {
            for (int i = 0; i < 5; i++) {
                assertThat(status(PATH, keycloak.forged("telephony-adapter", ROLES, CLAIMS))).isEqualTo(401);
                assertThat(status(PATH, keycloak.unknownKeyId("telephony-adapter", ROLES, CLAIMS, "kid-" + i))).isEqualTo(401);
                assertThat(status(PATH, "an-opaque-token-" + i)).isEqualTo(401);
            }
        });

        assertThat(keycloak.callsBesidesKeys()).as("introspection or any other call to Keycloak").isZero();
        assertThat(keycloak.keyFetches() - keyFetches).as("key refreshes for unknown key ids (rate-limited)").isLessThanOrEqualTo(1);
        assertThat(warnings).as("WARN lines for 15 bad tokens").hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void withoutAsteriskWhereNoneIsExpectedTheHealthIsNotDown() {
        io.restassured.path.json.JsonPath health = io.restassured.RestAssured.given().get("/q/health/well")
                .then().statusCode(200).extract().jsonPath();
        assertThat(health.getString("checks.find { it.name == 'ami' }.status")).isEqualTo("UP");
        assertThat(health.getBoolean("checks.find { it.name == 'ami' }.data.connected")).isFalse();
    }
}
