package dk.hotline.telephony.pbx;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks the adapter to transfer a call as core does: {@code POST /api/telephony/calls/{callId}/transfer} with core's
 * own client-credentials token (client {@code hotline-core}, realm role {@code service}) from the test stack's Keycloak.
 */
final class CoreTransfers {

    private final StackHttp http;
    private final String adapterUrl;
    private final String coreClientSecret;

    CoreTransfers(String adapterUrl, String keycloakUrl, String coreClientSecret) {
        this.http = new StackHttp(keycloakUrl);
        this.adapterUrl = adapterUrl;
        this.coreClientSecret = coreClientSecret;
    }

    /** The adapter's answer to the transfer of {@code callId}: its status and body. */
    HttpResponse<String> transfer(String callId, String body) {
        return http.send(HttpRequest.newBuilder(URI.create(adapterUrl + "/api/telephony/calls/" + callId + "/transfer"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + http.serviceToken("hotline-core", coreClientSecret))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
