package dk.hotline.telephony.call.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hash of the caller's number (HMAC-SHA256, base64url without padding) so a repeat caller can be recognised
 * without the number ever being stored. Withheld numbers hash to null.
 */
public final class CallerHasher {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Set<String> WITHHELD = Set.of("", "<unknown>", "unknown", "anonymous", "restricted",
            "withheld", "private", "unavailable");

    private final SecretKeySpec key;

    public CallerHasher(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the caller hash secret must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The hash, or null when the number is withheld or carries no digits. */
    public String hash(String callerNumber) {
        if (callerNumber == null) {
            return null;
        }
        String trimmed = callerNumber.trim();
        if (WITHHELD.contains(trimmed.toLowerCase(Locale.ROOT))) {
            return null;
        }
        StringBuilder normalised = new StringBuilder();
        for (char c : trimmed.toCharArray()) {
            if (Character.isDigit(c) || (c == '+' && normalised.length() == 0)) {
                normalised.append(c);
            }
        }
        if (normalised.chars().noneMatch(Character::isDigit)) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(normalised.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
