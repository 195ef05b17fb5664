package dk.hotline.platform.crypto;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;

/**
 * Opens values written before field encryption moved to Tink:
 * {@code <keyId>:<base64(nonce | ciphertext+tag)>}, AES-256-GCM with the key id
 * as associated data. Read-only: nothing is written in this form any more, and
 * {@link Resealing} rewrites what is left of it.
 */
final class LegacyAesGcm {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, byte[]> keys;

    LegacyAesGcm(Map<String, byte[]> keys) {
        this.keys = Map.copyOf(keys);
    }

    String decrypt(String keyId, String payload) {
        byte[] key = keys.get(keyId);
        if (key == null) {
            throw new SealedValueRefusedException("data key '" + keyId + "' is no longer configured");
        }
        try {
            byte[] all = Base64.getDecoder().decode(payload);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealedValueRefusedException("stored value cannot be decrypted (tampered, or the wrong key)");
        }
    }
}
