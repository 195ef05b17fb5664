package dk.hotline.core.security;

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

/** Core checks bearer tokens against the realm's keys only: a forged or unverifiable token never reaches Keycloak. */
@QuarkusTest
@TestProfile(LocalTokenVerificationTest.RealmOverHttp.class)
class LocalTokenVerificationTest {

    public static class RealmOverHttp implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeKeycloak.class));
        }
    }

    private static final String PATH = "/api/rotation/on-duty?line=NATIONAL";
    private static final List<String> ROLES = List.of("advisor");
    private static final Map<String, Object> CLAIMS = Map.of("site", "AARHUS", "endpoint", "advisor-aarhus-1");

    @FakeKeycloak.Inject
    FakeKeycloak keycloak;

    @Test
    void aForgedTokenIsA401WithoutAnyCallToKeycloak() {
        assertThat(status(PATH, keycloak.token("hotline-core", ROLES, CLAIMS))).isEqualTo(200);
        int keyFetches = keycloak.keyFetches();

        List<String> warnings = warningsDuring(() -> {
            for (int i = 0; i < 5; i++) {
                assertThat(status(PATH, keycloak.forged("hotline-core", ROLES, CLAIMS))).isEqualTo(401);
                assertThat(status(PATH, keycloak.unknownKeyId("hotline-core", ROLES, CLAIMS, "kid-" + i))).isEqualTo(401);
                assertThat(status(PATH, "an-opaque-token-" + i)).isEqualTo(401);
            }
        });

        assertThat(keycloak.callsBesidesKeys()).as("introspection or any other call to Keycloak").isZero();
        assertThat(keycloak.keyFetches() - keyFetches).as("key refreshes for unknown key ids (rate-limited)").isLessThanOrEqualTo(1);
        assertThat(warnings).as("WARN lines for 15 bad tokens").hasSizeLessThanOrEqualTo(1);
    }
}
