package dk.hotline.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Plays the Keycloak realm "hotline" over HTTP (discovery document, the realm's signing
 * keys, and an introspection endpoint that would call ANY token active), counting every
 * request a service makes to it. A service that verifies tokens locally fetches the keys
 * and nothing else; one that falls back to remote introspection would accept a forged
 * token here, so the test sees it twice over.
 *
 * <p>Use with {@code @QuarkusTestResource(value = FakeKeycloak.class, restrictToAnnotatedClass = true)}
 * and a field {@code @FakeKeycloak.Inject FakeKeycloak keycloak;} in the test.
 */
public class FakeKeycloak implements QuarkusTestResourceLifecycleManager {

    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.FIELD)
    public @interface Inject {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM = "/realms/hotline";
    private static final String KID = "realm-signing-key";

    private WireMockServer server;
    private KeyPair realmKey;
    private KeyPair attackerKey;

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            realmKey = generator.generateKeyPair();
            attackerKey = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        String base = issuer();
        Map<String, Object> discovery = new HashMap<>();
        discovery.put("issuer", base);
        discovery.put("jwks_uri", base + "/protocol/openid-connect/certs");
        discovery.put("token_endpoint", base + "/protocol/openid-connect/token");
        discovery.put("introspection_endpoint", base + "/protocol/openid-connect/token/introspect");
        discovery.put("userinfo_endpoint", base + "/protocol/openid-connect/userinfo");
        discovery.put("authorization_endpoint", base + "/protocol/openid-connect/auth");
        server.stubFor(get(urlPathEqualTo(REALM + "/.well-known/openid-configuration"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(json(discovery))));
        RSAPublicKey key = (RSAPublicKey) realmKey.getPublic();
        Map<String, Object> jwk = Map.of("kty", "RSA", "kid", KID, "use", "sig", "alg", "RS256",
                "n", b64(unsigned(key.getModulus())), "e", b64(unsigned(key.getPublicExponent())));
        server.stubFor(get(urlPathEqualTo(REALM + "/protocol/openid-connect/certs"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(json(Map.of("keys", List.of(jwk))))));
        server.stubFor(any(urlPathMatching(REALM + "/protocol/openid-connect/token/introspect.*"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"active\":true,\"sub\":\"anyone\",\"realm_access\":{\"roles\":[\"supervisor\",\"advisor\",\"recipient\",\"rotation-admin\"]}}")));
        return Map.of("quarkus.oidc.auth-server-url", base,
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.public-key", "",
                "quarkus.oidc.discovery-enabled", "true");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.AnnotatedAndMatchesType(Inject.class, FakeKeycloak.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.port() + REALM;
    }

    /** A token the realm signed: the service must accept it without asking the realm about it. */
    public String token(String audience, List<String> roles, Map<String, Object> claims) {
        return sign(realmKey, KID, audience, roles, claims);
    }

    /** The same claims signed by a key the realm never had, under the realm key's id. */
    public String forged(String audience, List<String> roles, Map<String, Object> claims) {
        return sign(attackerKey, KID, audience, roles, claims);
    }

    /** Signed by an unknown key with an unknown key id: makes the service look for a new realm key. */
    public String unknownKeyId(String audience, List<String> roles, Map<String, Object> claims, String kid) {
        return sign(attackerKey, kid, audience, roles, claims);
    }

    /** Every request a service made to the realm except discovery and the keys. */
    public int callsBesidesKeys() {
        return (int) server.findAll(anyRequestedFor(urlPathMatching(".*"))).stream()
                .filter(r -> !r.getUrl().contains("/.well-known/") && !r.getUrl().contains("/certs"))
                .count();
    }

    public int keyFetches() {
        return server.findAll(getRequestedFor(urlPathEqualTo(REALM + "/protocol/openid-connect/certs"))).size();
    }

    private String sign(KeyPair key, String kid, String audience, List<String> roles, Map<String, Object> claims) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> body = new HashMap<>(claims);
        body.put("iss", issuer());
        body.put("aud", audience);
        body.put("sub", "user-1");
        body.put("preferred_username", "tester");
        body.put("iat", now);
        body.put("exp", now + 300);
        body.put("realm_access", Map.of("roles", roles));
        String header = b64(json(Map.of("alg", "RS256", "typ", "JWT", "kid", kid)).getBytes(StandardCharsets.UTF_8));
        String payload = b64(json(body).getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.getPrivate());
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
