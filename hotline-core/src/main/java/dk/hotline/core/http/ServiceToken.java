package dk.hotline.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Core's own access token (client credentials of the confidential client {@code hotline-core}), for calls that
 * are core's, not a person's: the board's reads (adapter queues, routing dead letters) and presence changes core has
 * already authorised and audits. Kept until 30 s before it
 * expires; fetched asynchronously, never on the event loop's back.
 */
@ApplicationScoped
public class ServiceToken {

    private record Cached(String token, Instant expires) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Optional<String> tokenUrl;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile Cached cached;

    public ServiceToken(@ConfigProperty(name = "hotline.board.token-url") Optional<String> tokenUrl,
                        @ConfigProperty(name = "hotline.board.client-id") String clientId,
                        @ConfigProperty(name = "hotline.board.client-secret") Optional<String> clientSecret,
                        ObjectMapper json, Clock clock) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.json = json;
        this.clock = clock;
    }

    /** The bearer token, or empty when no token endpoint is configured (then the calls go without one). */
    public Uni<Optional<String>> bearer() {
        if (tokenUrl.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        Cached c = cached;
        if (c != null && clock.instant().isBefore(c.expires())) {
            return Uni.createFrom().item(Optional.of(c.token()));
        }
        String form = "grant_type=client_credentials&client_id=" + encode(clientId)
                + clientSecret.filter(s -> !s.isBlank()).map(s -> "&client_secret=" + encode(s)).orElse("");
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl.get())).timeout(Duration.ofSeconds(3))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("token endpoint answered " + response.statusCode());
                    }
                    try {
                        JsonNode body = json.readTree(response.body());
                        JsonNode token = body.get("access_token");
                        if (token == null) {
                            throw new IllegalStateException("token endpoint gave no access_token");
                        }
                        long expiresIn = body.has("expires_in") ? body.get("expires_in").asLong() : 60;
                        cached = new Cached(token.asText(), clock.instant().plusSeconds(Math.max(0, expiresIn - 30)));
                        return Optional.of(token.asText());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
