package dk.hotline.core.privacy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole advice-log and referral scenario with sentinel names, numbers, addresses and free text, good input and
 * bad (bad input is where values tend to be echoed), then every line the service logged is searched for them.
 */
@QuarkusTest
@TestSecurity(user = "anna", roles = "advisor")
@OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
class LogScanTest {

    private static final Path LOG = Path.of("target", "test-logs", "hotline-core.log");
    private static final String NAME = "Sentinel Navnesen";
    private static final String PHONE = "+45 2012 3456";
    private static final String EMAIL = "sentinel.navnesen@example.dk";
    private static final String TEXT = "SENTINEL-FREETEXT-7f3a";
    /** What must appear nowhere in the log, also in the forms a log line might reformat it into. */
    private static final List<String> SENTINELS = List.of("navnesen", "2012 3456", "20123456", "4520123456", "7f3a", "example.dk");

    @Test
    void noPersonalValueReachesTheLog() throws IOException {
        String contact = given().contentType(ContentType.JSON).body("{\"channel\":\"EMAIL\"}").post("/api/contacts")
                .then().statusCode(201).extract().path("id");
        patch(contact, "{\"summary\":\"" + NAME + " rang om sin søn. " + TEXT + "\"}", 200);
        // Bad input carrying the values: too long, an unknown enum value, malformed JSON, a wrong type.
        patch(contact, "{\"summary\":\"" + (TEXT + " " + NAME + " ").repeat(200) + "\"}", 400);
        patch(contact, "{\"callerRole\":\"" + NAME + "\"}", 400);
        patch(contact, "{\"summary\":\"" + TEXT + "\", " + PHONE + "}", 400);
        patch(contact, "{\"adviceThemes\":\"" + EMAIL + "\"}", 400);
        patch(contact, "{\"municipalityCode\":\"" + PHONE + "\"}", 400);
        patch(contact, """
                {"callerRole":"RELATIVE","concernCategory":"MILITANT_ISLAMISM","ageBand":"AGE_25_PLUS","municipalityCode":"461",
                 "adviceThemes":["SIGNS_OF_RADICALISATION"],"outcome":"REFERRAL"}""", 200);
        String badReferral = "{\"referral\":{\"severity\":\"HIGH\",\"legalBasis\":\"CONSENT\",\"description\":\"" + TEXT + "\","
                + "\"callerContact\":{\"name\":\"" + NAME + "\",\"phone\":\"" + PHONE + "\",\"email\":\"" + NAME + "\"}}}";
        given().contentType(ContentType.JSON).body(badReferral).post("/api/contacts/" + contact + "/finalise").then().statusCode(400);
        String referral = "{\"referral\":{\"severity\":\"HIGH\",\"legalBasis\":\"CONSENT\",\"description\":\"" + TEXT + " om " + NAME + "\","
                + "\"callerContact\":{\"name\":\"" + NAME + "\",\"phone\":\"" + PHONE + "\",\"email\":\"" + EMAIL + "\"}}}";
        String referralId = given().contentType(ContentType.JSON).body(referral).post("/api/contacts/" + contact + "/finalise")
                .then().statusCode(200).extract().path("referral.id");
        given().contentType(ContentType.JSON).body(referral).post("/api/contacts/" + contact + "/referral").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"reason\":\"" + NAME + " " + TEXT + "\",\"changes\":{\"summary\":\"" + PHONE + "\"}}")
                .post("/api/contacts/" + contact + "/amendments").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"reason\":\"" + TEXT + "\",\"changes\":{\"ageBand\":\"" + NAME + "\"}}")
                .post("/api/contacts/" + contact + "/amendments").then().statusCode(400);
        given().get("/api/contacts/" + contact).then().statusCode(200);
        given().get("/api/referrals/" + referralId).then().statusCode(200);
        given().get("/api/contacts").then().statusCode(200);

        assertThat(LOG).as("the test profile logs to a file").exists();
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

    private static void patch(String id, String body, int status) {
        given().contentType(ContentType.JSON).body(body).patch("/api/contacts/" + id).then().statusCode(status);
    }
}
