package dk.hotline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Tokens from the real Keycloak, realm {@code hotline}, for the demo users and service accounts of the realm file. */
final class Realm {

    /** Demo users sign in with their user name as password (deploy/keycloak/hotline-realm.json, local only). */
    private static final String WEB_CLIENT = "hotline-web";

    private final String issuer;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Realm(String keycloakUrl) {
        this.issuer = keycloakUrl + "/realms/hotline";
    }

    String issuer() {
        return issuer;
    }

    /** Password grant through the browser client, as the advisor web app signs in. */
    String user(String username) {
        return tokens.computeIfAbsent(username, u -> token(Map.of("grant_type", "password", "client_id", WEB_CLIENT,
                "username", u, "password", u)));
    }

    /** A new token on every call, for runs longer than a token lives (15 min): the chaos run and the soak. */
    String freshUser(String username) {
        return token(Map.of("grant_type", "password", "client_id", WEB_CLIENT, "username", username, "password", username));
    }

    /** Client credentials, as one service calls another. */
    String serviceAccount(String clientId, String secret) {
        return tokens.computeIfAbsent("client:" + clientId, c -> token(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret)));
    }

    /** Right issuer, audiences and claims, but signed by a key the realm never had. */
    String forged() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey key = generator.generateKeyPair().getPrivate();
            long now = Instant.now().getEpochSecond();
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", issuer);
            claims.put("aud", List.of("hotline-core", "routing", "telephony-adapter"));
            claims.put("sub", "forged");
            claims.put("preferred_username", "advisor-aarhus");
            claims.put("iat", now);
            claims.put("exp", now + 600);
            claims.put("realm_access", Map.of("roles", List.of("advisor", "recipient", "supervisor")));
            claims.put("site", "AARHUS");
            claims.put("organisation", "infohus-fyn");
            String header = encode(json.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = encode(json.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + encode(rsa.sign());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + form.getOrDefault("username",
                        form.get("client_id")) + ": " + response.statusCode() + " " + response.body());
            }
            JsonNode answer = json.readTree(response.body());
            return answer.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + issuer + " (HOTLINE_KEYCLOAK_URL)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
