package dk.hotline.platform.crypto;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTest {

    private static final byte[] KEY_A = new byte[32];
    private static final byte[] KEY_B = new byte[32];

    static {
        KEY_A[0] = 1;
        KEY_B[0] = 2;
    }

    @Test
    void roundTripsAndNamesTheKeyButNotThePlainText() {
        FieldCipher cipher = new FieldCipher(Map.of("a", KEY_A), "a");
        String stored = cipher.encrypt("Min søn taler om Peter Hansen");
        assertThat(stored).startsWith("a:").doesNotContain("Peter");
        assertThat(cipher.decrypt(stored)).isEqualTo("Min søn taler om Peter Hansen");
    }

    @Test
    void sameTextEncryptsDifferentlyEachTime() {
        FieldCipher cipher = new FieldCipher(Map.of("a", KEY_A), "a");
        assertThat(cipher.encrypt("x")).isNotEqualTo(cipher.encrypt("x"));
    }

    @Test
    void oldValuesStillDecryptAfterKeyRotation() {
        String old = new FieldCipher(Map.of("a", KEY_A), "a").encrypt("gammel note");
        FieldCipher rotated = new FieldCipher(Map.of("a", KEY_A, "b", KEY_B), "b");
        assertThat(rotated.decrypt(old)).isEqualTo("gammel note");
        assertThat(rotated.needsRotation(old)).isTrue();
        assertThat(rotated.encrypt("ny note")).startsWith("b:");
    }

    @Test
    void tamperedValueIsRefused() {
        FieldCipher cipher = new FieldCipher(Map.of("a", KEY_A), "a");
        String stored = cipher.encrypt("note");
        byte[] raw = Base64.getDecoder().decode(stored.substring(2));
        raw[raw.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt("a:" + Base64.getEncoder().encodeToString(raw)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void valueCannotBeMovedToAnotherKeyId() {
        FieldCipher cipher = new FieldCipher(Map.of("a", KEY_A, "b", KEY_A), "a");
        String stored = cipher.encrypt("note");
        assertThatThrownBy(() -> cipher.decrypt("b" + stored.substring(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAKeyOfTheWrongSizeOrAMissingCurrentKey() {
        assertThatThrownBy(() -> new FieldCipher(Map.of("a", new byte[16]), "a")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new FieldCipher(Map.of("a", KEY_A), "z")).hasMessageContaining("'z'");
    }
}
