package dk.hotline.telephony.pbx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Signs the suite's phones in to, out of and paused in their site's queue as people do: through core's presence API
 * ({@code PUT /api/presence/{endpoint}}) with a demo user's token from the test stack's Keycloak (the advisor of the
 * phone, or the supervisor naming the site). Core authorises and audits; the adapter sends the AMI actions.
 */
final class CorePresence {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String coreUrl;
    private final String tokenUrl;

    CorePresence(String coreUrl, String keycloakUrl) {
        this.coreUrl = coreUrl;
        this.tokenUrl = keycloakUrl + "/realms/hotline/protocol/openid-connect/token";
    }

    /** The supervisor sets {@code endpoint}'s presence in {@code site}'s queue; answers core's JSON answer. */
    JsonNode set(String endpoint, String site, String state, String reason) {
        String body = "{\"state\":\"" + state + "\",\"site\":\"" + site + "\""
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(coreUrl + "/api/presence/" + endpoint))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token("supervisor"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT presence of " + endpoint + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return read(response.body());
    }

    JsonNode signIn(String endpoint, String site) {
        return set(endpoint, site, "AVAILABLE", null);
    }

    /** Core's answer to {@code GET path} as the supervisor (the board, for instance). */
    JsonNode readAsSupervisor(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(coreUrl + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token("supervisor")).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    /**
     * Core's answer to {@code POST path} with {@code body} as a service account (client credentials of
     * {@code clientId}), with its status.
     */
    HttpResponse<String> postAsService(String clientId, String secret, String path, String body) {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret);
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("token for " + clientId + ": " + token.statusCode());
        }
        return send(HttpRequest.newBuilder(URI.create(coreUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + read(token.body()).path("access_token").asText())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String token(String user) {
        String form = "grant_type=password&client_id=hotline-web&username=" + enc(user) + "&password=" + enc(user);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token for " + user + ": " + response.statusCode());
        }
        return read(response.body()).path("access_token").asText();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
