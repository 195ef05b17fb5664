package dk.hotline.platform.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTest {

    private static final byte[] KEY_A = new byte[32];
    private static final byte[] KEY_B = new byte[32];
    private static final SealedColumn SUMMARY = new SealedColumn("contact", "id", "summary");
    private static final SealedColumn NOTE = new SealedColumn("contact", "id", "note");
    private static final SealedColumn OTHER_TABLE = new SealedColumn("referral", "id", "summary");

    static {
        KEY_A[0] = 1;
        KEY_B[0] = 2;
    }

    private final UUID row = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private final UUID otherRow = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void roundTripsAndNamesTheKeyButNotThePlainText() {
        FieldCipher cipher = new FieldCipher(Map.of("a", KEY_A), "a");
        String stored = cipher.seal(SUMMARY, row, "Min søn taler om Peter Hansen");
        assertThat(stored).startsWith("a:v2:").doesNotContain("Peter");
        assertThat(cipher.open(SUMMARY, row, stored)).isEqualTo("Min søn taler om Peter Hansen");
    }

    @Test
    void sameTextSealsDifferentlyEachTime() {
        FieldCipher cipher = new FieldCipher(Map.of("a", KEY_A), "a");
        assertThat(cipher.seal(SUMMARY, row, "x")).isNotEqualTo(cipher.seal(SUMMARY, row, "x"));
    }

    @Test
    void aCiphertextCopiedToAnotherRowIsRefused() {
        FieldCipher cipher = new FieldCipher(Map.of("a", KEY_A), "a");
        String stored = cipher.seal(SUMMARY, row, "note");
        assertThatThrownBy(() -> cipher.open(SUMMARY, otherRow, stored)).isInstanceOf(SealedValueRefusedException.class)
                .hasMessageNotContaining("note");
    }

    @Test
    void aCiphertextCopiedToAnotherColumnOrTableIsRefused() {
        FieldCipher cipher = new FieldCipher(Map.of("a", KEY_A), "a");
        String stored = cipher.seal(SUMMARY, row, "note");
        assertThatThrownBy(() -> cipher.open(NOTE, row, stored)).isInstanceOf(SealedValueRefusedException.class);
        assertThatThrownBy(() -> cipher.open(OTHER_TABLE, row, stored)).isInstanceOf(SealedValueRefusedException.class);
    }

    @Test
    void placesThatConcatenateAlikeStillDiffer() {
        FieldCipher cipher = new FieldCipher(Map.of("a", KEY_A), "a");
        String stored = cipher.seal(new SealedColumn("ab", "id", "c"), "1", "note");
        assertThatThrownBy(() -> cipher.open(new SealedColumn("a", "id", "bc"), "1", stored))
                .isInstanceOf(SealedValueRefusedException.class);
    }

    @Test
    void oldValuesStillOpenAfterKeyRotationAndAskToBeResealed() {
        String old = new FieldCipher(Map.of("a", KEY_A), "a").seal(SUMMARY, row, "gammel note");
        FieldCipher rotated = new FieldCipher(Map.of("a", KEY_A, "b", KEY_B), "b");
        assertThat(rotated.open(SUMMARY, row, old)).isEqualTo("gammel note");
        assertThat(rotated.needsResealing(old)).isTrue();
        String fresh = rotated.seal(SUMMARY, row, "ny note");
        assertThat(fresh).startsWith("b:v2:");
        assertThat(rotated.needsResealing(fresh)).isFalse();
    }

    @Test
    void valuesWrittenBeforeTinkStillOpenAndAskToBeResealed() throws Exception {
        String legacy = legacyAesGcm("a", KEY_A, "skrevet før Tink");
        FieldCipher cipher = new FieldCipher(Map.of("a", KEY_A), "a");
        assertThat(cipher.open(SUMMARY, row, legacy)).isEqualTo("skrevet før Tink");
        assertThat(cipher.needsResealing(legacy)).isTrue();
    }

    @Test
    void tamperedValueIsRefused() {
        FieldCipher cipher = new FieldCipher(Map.of("a", KEY_A), "a");
        String stored = cipher.seal(SUMMARY, row, "note");
        byte[] raw = Base64.getDecoder().decode(stored.substring("a:v2:".length()));
        raw[raw.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(SUMMARY, row, "a:v2:" + Base64.getEncoder().encodeToString(raw)))
                .isInstanceOf(SealedValueRefusedException.class);
    }

    @Test
    void aValueUnderAKeyNoLongerConfiguredIsRefusedByName() {
        String stored = new FieldCipher(Map.of("a", KEY_A), "a").seal(SUMMARY, row, "note");
        FieldCipher withoutA = new FieldCipher(Map.of("b", KEY_B), "b");
        assertThatThrownBy(() -> withoutA.open(SUMMARY, row, stored)).isInstanceOf(SealedValueRefusedException.class)
                .hasMessageContaining("'a'");
    }

    @Test
    void nullStaysNull() {
        FieldCipher cipher = new FieldCipher(Map.of("a", KEY_A), "a");
        assertThat(cipher.seal(SUMMARY, row, null)).isNull();
        assertThat(cipher.open(SUMMARY, row, null)).isNull();
    }

    @Test
    void currentKeyMustBeConfiguredAndKeysMustBe256Bits() {
        assertThatThrownBy(() -> new FieldCipher(Map.of("a", KEY_A), "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldCipher(Map.of("a", new byte[16]), "a")).hasMessageContaining("32 bytes");
    }

    @Test
    void parsesTheKeyListOfTheEnvironment() {
        Map<String, byte[]> keys = FieldCipher.parseKeys("k1:" + Base64.getEncoder().encodeToString(KEY_A)
                + ", k2:" + Base64.getEncoder().encodeToString(KEY_B));
        assertThat(keys).containsOnlyKeys("k1", "k2");
        assertThat(keys.get("k2")).isEqualTo(KEY_B);
    }

    @Test
    void aSealedColumnIsNamedByPlainIdentifiersOnly() {
        assertThatThrownBy(() -> new SealedColumn("contact; drop table x", "id", "summary"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The form values had before Tink, written as the old cipher did, to prove they still open. */
    static String legacyAesGcm(String keyId, byte[] key, String plain) throws Exception {
        byte[] nonce = new byte[12];
        nonce[3] = 7;
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        aes.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = aes.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        return keyId + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
    }
}
