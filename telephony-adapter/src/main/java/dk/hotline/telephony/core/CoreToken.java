package dk.hotline.telephony.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.telephony.config.HotlineConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The adapter's own bearer token for core, from the client-credentials grant (Keycloak client
 * {@code telephony-adapter}), kept until 30 s before it expires. Blocking: called on worker and FastAGI threads only.
 * Empty when no token URL is configured (tests against a core stand-in without security).
 */
@ApplicationScoped
public class CoreToken {

    private final HotlineConfig.Core core;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HttpClient http;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    public CoreToken(HotlineConfig config, ObjectMapper mapper, Clock clock) {
        this.core = config.core();
        this.mapper = mapper;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(core.timeout()).build();
    }

    public synchronized Optional<String> get() throws IOException, InterruptedException {
        if (core.tokenUrl().isEmpty()) {
            return Optional.empty();
        }
        if (token != null && clock.instant().isBefore(tokenExpires)) {
            return Optional.of(token);
        }
        String form = "grant_type=client_credentials&client_id=" + encode(core.clientId())
                + core.clientSecret().map(s -> "&client_secret=" + encode(s)).orElse("");
        HttpRequest request = HttpRequest.newBuilder(URI.create(core.tokenUrl().get())).timeout(core.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token endpoint answered " + response.statusCode());
        }
        JsonNode body = mapper.readTree(response.body());
        JsonNode accessToken = body.get("access_token");
        if (accessToken == null) {
            throw new IOException("token endpoint gave no access_token");
        }
        long expiresIn = body.has("expires_in") ? body.get("expires_in").asLong() : 60;
        token = accessToken.asText();
        tokenExpires = clock.instant().plusSeconds(Math.max(0, expiresIn - 30));
        return Optional.of(token);
    }

    /** Core said 401: the next call fetches a new token. */
    public synchronized void forget() {
        token = null;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
