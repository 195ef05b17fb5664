package dk.hotline.telephony.pbx;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Signs the suite's phones in to, out of and paused in their site's queue as people do: through core's presence API
 * ({@code PUT /api/presence/{endpoint}}) with a demo user's token from the test stack's Keycloak (the advisor of the
 * phone, or the supervisor naming the site). Core authorises and audits; the adapter sends the AMI actions.
 */
final class CorePresence {

    private final StackHttp http;
    private final String coreUrl;

    CorePresence(String coreUrl, String keycloakUrl) {
        this.http = new StackHttp(keycloakUrl);
        this.coreUrl = coreUrl;
    }

    /** The supervisor sets {@code endpoint}'s presence in {@code site}'s queue; answers core's JSON answer. */
    JsonNode set(String endpoint, String site, String state, String reason) {
        String body = "{\"state\":\"" + state + "\",\"site\":\"" + site + "\""
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(coreUrl + "/api/presence/" + endpoint))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + http.userToken("supervisor"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT presence of " + endpoint + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return StackHttp.read(response.body());
    }

    JsonNode signIn(String endpoint, String site) {
        return set(endpoint, site, "AVAILABLE", null);
    }

    /** Core's answer to {@code GET path} as the supervisor (the board, for instance). */
    JsonNode readAsSupervisor(String path) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(coreUrl + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + http.userToken("supervisor"))
                .GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return StackHttp.read(response.body());
    }

    /**
     * Core's answer to {@code POST path} with {@code body} as a service account (client credentials of
     * {@code clientId}), with its status.
     */
    HttpResponse<String> postAsService(String clientId, String secret, String path, String body) {
        return http.send(HttpRequest.newBuilder(URI.create(coreUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + http.serviceToken(clientId, secret))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
