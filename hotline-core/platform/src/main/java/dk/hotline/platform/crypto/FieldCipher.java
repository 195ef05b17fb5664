package dk.hotline.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seals free text and contact details before they reach the database, with
 * Google Tink's AEAD (AES-256-GCM, a fresh nonce per value). The associated
 * data is the value's place, {@link SealedColumn table and column} and the
 * row's id: a ciphertext copied into another row or another column does not
 * open there.
 *
 * <p>The stored form names its key, {@code <keyId>:v2:<base64(Tink ciphertext)>},
 * so keys rotate: new values are sealed with the current key, older values
 * still open with theirs until {@link Resealing} rewrites them. Values written
 * before Tink ({@code <keyId>:<base64>}, AES-GCM bound to the key id only) still
 * open, and {@link #needsResealing} is true for them.
 */
public final class FieldCipher {

    static final String FORMAT = "v2";
    private static final byte[] AAD_LABEL = "hotline-field/v2".getBytes(StandardCharsets.UTF_8);

    private final Map<String, Aead> aeads;
    private final LegacyAesGcm legacy;
    private final String currentKeyId;

    /**
     * @param keys         key id → 32-byte AES key
     * @param currentKeyId the key new values are sealed with
     */
    public FieldCipher(Map<String, byte[]> keys, String currentKeyId) {
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("current data key '" + currentKeyId + "' is not among the configured keys");
        }
        Map<String, Aead> built = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (id.isBlank() || id.contains(":")) {
                throw new IllegalArgumentException("data key id must be non-blank and must not contain ':'");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("data key '" + id + "' must be 32 bytes (AES-256), is " + key.length);
            }
            built.put(id, aead(key));
        });
        this.aeads = Map.copyOf(built);
        this.legacy = new LegacyAesGcm(keys);
        this.currentKeyId = currentKeyId;
    }

    /** Parses {@code id1:base64key,id2:base64key}. */
    public static Map<String, byte[]> parseKeys(String spec) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String trimmed = part.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("data keys must look like id:base64key[,id:base64key]");
            }
            keys.put(trimmed.substring(0, colon), Base64.getDecoder().decode(trimmed.substring(colon + 1)));
        }
        return keys;
    }

    /** Seals {@code plain} for one place: this column of this row. Null stays null. */
    public String seal(SealedColumn where, Object rowId, String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] sealed = aeads.get(currentKeyId).encrypt(plain.getBytes(StandardCharsets.UTF_8), associatedData(where, rowId));
            return currentKeyId + ":" + FORMAT + ":" + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Opens a value stored at this column of this row. A value sealed for
     * another row or column, tampered with, or under a key no longer configured
     * is refused with {@link SealedValueRefusedException}.
     */
    public String open(SealedColumn where, Object rowId, String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", -1);
        if (parts.length == 2) {
            return legacy.decrypt(parts[0], parts[1]);
        }
        if (parts.length != 3 || !FORMAT.equals(parts[1])) {
            throw new SealedValueRefusedException("stored value at " + where + " is in no known format");
        }
        Aead aead = aeads.get(parts[0]);
        if (aead == null) {
            throw new SealedValueRefusedException("data key '" + parts[0] + "' of a value at " + where + " is no longer configured");
        }
        try {
            byte[] plain = aead.decrypt(Base64.getDecoder().decode(parts[2]), associatedData(where, rowId));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealedValueRefusedException("stored value at " + where + " does not open for this row (moved, tampered, or the wrong key)");
        }
    }

    /** True when the value was written under an older key or before Tink, and should be resealed. */
    public boolean needsResealing(String stored) {
        return stored != null && !stored.startsWith(currentPrefix());
    }

    /** The start of every value sealed with the current key, for finding those that are not. */
    public String currentPrefix() {
        return currentKeyId + ":" + FORMAT + ":";
    }

    /** Table, column and row id, each length-prefixed so that no two places share associated data. */
    static byte[] associatedData(SealedColumn where, Object rowId) {
        if (rowId == null) {
            throw new IllegalArgumentException("a sealed value needs its row id (" + where + ")");
        }
        StringBuilder aad = new StringBuilder();
        for (String part : new String[] {where.table(), where.column(), rowId.toString()}) {
            aad.append(part.length()).append(':').append(part).append(';');
        }
        byte[] place = aad.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[AAD_LABEL.length + place.length];
        System.arraycopy(AAD_LABEL, 0, all, 0, AAD_LABEL.length);
        System.arraycopy(place, 0, all, AAD_LABEL.length, place.length);
        return all;
    }

    private static Aead aead(byte[] key) {
        try {
            AeadConfig.register();
            AesGcmParameters parameters = AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12).setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
            AesGcmKey aesGcm = AesGcmKey.builder().setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())).build();
            KeysetHandle handle = KeysetHandle.newBuilder().addEntry(KeysetHandle.importKey(aesGcm).withRandomId().makePrimary()).build();
            return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink AEAD cannot be built from the data key", e);
        }
    }
}
