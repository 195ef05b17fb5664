package dk.hotline.core.crypto;

import dk.hotline.platform.crypto.EncryptedText;
import dk.hotline.platform.crypto.FieldCipher;

import dk.hotline.core.support.OnVertx;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** What the database holds of free text and contact details: ciphertext naming its key, never the text. */
@QuarkusTest
@TestSecurity(user = "anna", roles = "advisor")
@OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
class EncryptionAtRestTest {

    /** The test profile's older key (application.properties): still listed, no longer current. */
    private static final String OLD_KEY = "MjMY6cnZHP31d0/XRNI2/QGUn1GgwPIMvyY7BkHjeq4=";

    @Inject
    Pool pool;

    @Test
    void freeTextAndCallerContactAreStoredEncryptedUnderTheCurrentKey() {
        String contact = given().contentType(ContentType.JSON).body("{\"channel\":\"EMAIL\"}").post("/api/contacts")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("""
                        {"callerRole":"RELATIVE","concernCategory":"MILITANT_ISLAMISM","ageBand":"AGE_25_PLUS","municipalityCode":"461",
                         "adviceThemes":["SIGNS_OF_RADICALISATION"],"summary":"Plaintext-summary-31f","outcome":"REFERRAL"}""")
                .patch("/api/contacts/" + contact).then().statusCode(200);
        String referral = given().contentType(ContentType.JSON).body("""
                        {"referral":{"severity":"LOW","legalBasis":"CONSENT","description":"Plaintext-description-31f",
                         "callerContact":{"name":"Plaintext Name","phone":"+45 20 31 31 31","email":"plain@example.dk"}}}""")
                .post("/api/contacts/" + contact + "/finalise").then().statusCode(200).extract().path("referral.id");
        given().contentType(ContentType.JSON).body("{\"reason\":\"Plaintext-reason-31f\",\"changes\":{\"summary\":\"Plaintext-amended-31f\"}}")
                .post("/api/contacts/" + contact + "/amendments").then().statusCode(201);

        Row c = row("SELECT summary FROM contact WHERE id = $1", contact);
        Row r = row("SELECT description, caller_name, caller_phone, caller_email FROM referral WHERE id = $1", referral);
        Row a = row("SELECT reason, before_json, after_json FROM contact_amendment WHERE contact_id = $1", contact);
        for (String stored : new String[] {c.getString(0), r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                a.getString(0), a.getString(1), a.getString(2)}) {
            assertThat(stored).startsWith("test1:").doesNotContain("Plaintext").doesNotContain("31 31 31").doesNotContain("example.dk");
        }
        // ...and the API reads it back as written.
        given().get("/api/contacts/" + contact).then().statusCode(200).body("summary", equalTo("Plaintext-amended-31f"))
                .body("referral.callerContact.phone", equalTo("+45 20 31 31 31"))
                .body("amendments[0].reason", equalTo("Plaintext-reason-31f"));
    }

    @Test
    void aValueWrittenUnderAnOlderKeyStillReads() {
        String contact = given().contentType(ContentType.JSON).body("{\"channel\":\"EMAIL\"}").post("/api/contacts")
                .then().statusCode(201).extract().path("id");
        FieldCipher before = new FieldCipher(Map.of("old0", Base64.getDecoder().decode(OLD_KEY)), "old0");
        OnVertx.await(() -> pool.preparedQuery("UPDATE contact SET summary = $1 WHERE id = $2")
                .execute(Tuple.of(before.encrypt("Written before the key rotated"), UUID.fromString(contact))));
        given().get("/api/contacts/" + contact).then().statusCode(200).body("summary", equalTo("Written before the key rotated"));
    }

    private Row row(String sql, String id) {
        return OnVertx.await(() -> pool.preparedQuery(sql).execute(Tuple.of(UUID.fromString(id)))).iterator().next();
    }
}
