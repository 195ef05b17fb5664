package dk.hotline.routing.webhook.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Signs a webhook body: {@code v1=} + hex(HMAC-SHA256(secret, timestamp + "." + body)), where timestamp is the
 * value of the {@code X-Hotline-Timestamp} header (Unix seconds). Binding the timestamp lets a receiver refuse
 * replays older than a few minutes.
 */
public final class WebhookSigner {

    public static final String SIGNATURE_HEADER = "X-Hotline-Signature";
    public static final String TIMESTAMP_HEADER = "X-Hotline-Timestamp";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final String EVENT_TYPE_HEADER = "X-Hotline-Event-Type";
    private static final String SCHEME = "v1=";

    public String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return SCHEME + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** What a receiver does: recompute and compare in constant time. */
    public boolean verify(String secret, long timestamp, String body, String signature) {
        return signature != null && MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
