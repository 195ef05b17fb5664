package dk.hotline.core.crypto;

import dk.hotline.core.contact.Contact;
import dk.hotline.core.referral.Referral;
import dk.hotline.core.support.OnVertx;
import dk.hotline.platform.crypto.FieldCipher;
import dk.hotline.platform.crypto.Resealing;
import dk.hotline.platform.crypto.SealedValueRefusedException;
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

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** What the database holds of free text and contact details: Tink ciphertext bound to its row, naming its key, never the text. */
@QuarkusTest
@TestSecurity(user = "anna", roles = "advisor")
@OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
class EncryptionAtRestTest {

    /** The test profile's older key (application.properties): still listed, no longer current. */
    private static final byte[] OLD_KEY = Base64.getDecoder().decode("MjMY6cnZHP31d0/XRNI2/QGUn1GgwPIMvyY7BkHjeq4=");

    @Inject
    Pool pool;

    @Inject
    FieldCipher cipher;

    @Inject
    Resealing resealing;

    @Test
    void freeTextAndCallerContactAreStoredSealedUnderTheCurrentKey() {
        String contact = newContact("Plaintext-summary-31f");
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
            assertThat(stored).startsWith("test1:v2:").doesNotContain("Plaintext").doesNotContain("31 31 31").doesNotContain("example.dk");
        }
        // ...and the API reads it back as written.
        given().get("/api/contacts/" + contact).then().statusCode(200).body("summary", equalTo("Plaintext-amended-31f"))
                .body("referral.callerContact.phone", equalTo("+45 20 31 31 31"))
                .body("amendments[0].reason", equalTo("Plaintext-reason-31f"));
    }

    @Test
    void aCiphertextCopiedToAnotherRowIsRefused() {
        String victim = newContact("Summary-of-the-victim-77");
        String other = newContact("Summary-of-the-other-77");
        String stolen = row("SELECT summary FROM contact WHERE id = $1", victim).getString(0);
        execute("UPDATE contact SET summary = $1 WHERE id = $2", Tuple.of(stolen, UUID.fromString(other)));
        try {
            assertThatThrownBy(() -> cipher.open(Contact.SUMMARY, UUID.fromString(other), stolen))
                    .isInstanceOf(SealedValueRefusedException.class);
            given().get("/api/contacts/" + other).then().statusCode(500).body(not(containsString("victim")));
            // the same ciphertext in a column of another table does not open either
            assertThatThrownBy(() -> cipher.open(Referral.DESCRIPTION, UUID.fromString(victim), stolen))
                    .isInstanceOf(SealedValueRefusedException.class);
        } finally {
            execute("UPDATE contact SET summary = NULL WHERE id = $1", Tuple.of(UUID.fromString(other)));
        }
    }

    @Test
    void valuesUnderAnOlderKeyOrFromBeforeTinkStillReadAndTheJobResealsThemToTheCurrentKey() throws Exception {
        UUID underOldKey = UUID.fromString(newContact("x"));
        UUID beforeTink = UUID.fromString(newContact("x"));
        UUID moved = UUID.fromString(newContact("x"));
        FieldCipher whenOld0WasCurrent = new FieldCipher(Map.of("old0", OLD_KEY), "old0");
        String movedValue = whenOld0WasCurrent.seal(Contact.SUMMARY, underOldKey, "Belongs to another row");
        execute("UPDATE contact SET summary = $1 WHERE id = $2",
                Tuple.of(whenOld0WasCurrent.seal(Contact.SUMMARY, underOldKey, "Written before the key rotated"), underOldKey));
        execute("UPDATE contact SET summary = $1 WHERE id = $2", Tuple.of(legacyAesGcm("old0", OLD_KEY, "Written before Tink"), beforeTink));
        execute("UPDATE contact SET summary = $1 WHERE id = $2", Tuple.of(movedValue, moved));
        try {
            readBackAndReseal(underOldKey, beforeTink, moved, movedValue);
        } finally {
            execute("UPDATE contact SET summary = NULL WHERE id = $1", Tuple.of(moved));
        }
    }

    private void readBackAndReseal(UUID underOldKey, UUID beforeTink, UUID moved, String movedValue) {
        given().get("/api/contacts/" + underOldKey).then().statusCode(200).body("summary", equalTo("Written before the key rotated"));
        given().get("/api/contacts/" + beforeTink).then().statusCode(200).body("summary", equalTo("Written before Tink"));

        Resealing.Outcome done = OnVertx.await(() -> resealing.run());

        assertThat(done.resealed()).isGreaterThanOrEqualTo(2);
        assertThat(done.refused()).isGreaterThanOrEqualTo(1);
        for (UUID id : new UUID[] {underOldKey, beforeTink}) {
            assertThat(row("SELECT summary FROM contact WHERE id = $1", id.toString()).getString(0)).startsWith("test1:v2:");
        }
        assertThat(row("SELECT summary FROM contact WHERE id = $1", moved.toString()).getString(0)).isEqualTo(movedValue);
        given().get("/api/contacts/" + underOldKey).then().statusCode(200).body("summary", equalTo("Written before the key rotated"));
        given().get("/api/contacts/" + beforeTink).then().statusCode(200).body("summary", equalTo("Written before Tink"));
        // nothing left to do but the value that does not open
        Resealing.Outcome again = OnVertx.await(() -> resealing.reseal(Contact.SUMMARY));
        assertThat(again.resealed()).isZero();
    }

    private String newContact(String summary) {
        String contact = given().contentType(ContentType.JSON).body("{\"channel\":\"EMAIL\"}").post("/api/contacts")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("""
                        {"callerRole":"RELATIVE","concernCategory":"MILITANT_ISLAMISM","ageBand":"AGE_25_PLUS","municipalityCode":"461",
                         "adviceThemes":["SIGNS_OF_RADICALISATION"],"summary":"%s","outcome":"REFERRAL"}""".formatted(summary))
                .patch("/api/contacts/" + contact).then().statusCode(200);
        return contact;
    }

    private Row row(String sql, String id) {
        return OnVertx.await(() -> pool.preparedQuery(sql).execute(Tuple.of(UUID.fromString(id)))).iterator().next();
    }

    private void execute(String sql, Tuple args) {
        OnVertx.await(() -> pool.preparedQuery(sql).execute(args));
    }

    /** A value as the cipher before Tink wrote it: AES-256-GCM, key id as associated data, no row binding. */
    private static String legacyAesGcm(String keyId, byte[] key, String plain) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        aes.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = aes.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        return keyId + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
    }
}
