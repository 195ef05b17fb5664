package dk.hotline.core.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays Keycloak for a packaged app started with {@code quarkus.oidc.public-key}:
 * signs RS256 access tokens shaped like the realm's (realm roles, {@code site}
 * and {@code endpoint} claims) with a key pair made for the run, in plain JDK
 * crypto.
 */
public final class TokenMint {

    private final KeyPair keys;
    private final ObjectMapper json = new ObjectMapper();

    public TokenMint() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half, as {@code quarkus.oidc.public-key} takes it (base64 X.509). */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    public String advisor(String user, String site, String endpoint) {
        Map<String, Object> claims = base(user, List.of("advisor"));
        claims.put("site", site);
        claims.put("endpoint", endpoint);
        return sign(claims);
    }

    private Map<String, Object> base(String user, List<String> roles) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "https://keycloak.test/realms/hotline");
        claims.put("sub", UUID.nameUUIDFromBytes(user.getBytes(StandardCharsets.UTF_8)).toString());
        claims.put("preferred_username", user);
        claims.put("aud", List.of("hotline-core"));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(Duration.ofHours(2)).getEpochSecond());
        claims.put("realm_access", Map.of("roles", roles));
        claims.put("groups", roles);
        return claims;
    }

    private String sign(Map<String, Object> claims) {
        try {
            String header = encode(json.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = encode(json.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + encode(rsa.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
