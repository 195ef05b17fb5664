package dk.hotline.telephony.pbx;

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
 * Asks the adapter to transfer a call as core does: {@code POST /api/telephony/calls/{callId}/transfer} with core's
 * own client-credentials token (client {@code hotline-core}, realm role {@code service}) from the test stack's Keycloak.
 */
final class CoreTransfers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String adapterUrl;
    private final String tokenUrl;
    private final String coreClientSecret;

    CoreTransfers(String adapterUrl, String keycloakUrl, String coreClientSecret) {
        this.adapterUrl = adapterUrl;
        this.tokenUrl = keycloakUrl + "/realms/hotline/protocol/openid-connect/token";
        this.coreClientSecret = coreClientSecret;
    }

    /** The adapter's answer to the transfer of {@code callId}: its status and body. */
    HttpResponse<String> transfer(String callId, String body) {
        return send(HttpRequest.newBuilder(URI.create(adapterUrl + "/api/telephony/calls/" + callId + "/transfer"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String token() {
        String form = "grant_type=client_credentials&client_id=hotline-core&client_secret="
                + URLEncoder.encode(coreClientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("core's service token: " + response.statusCode());
        }
        try {
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
