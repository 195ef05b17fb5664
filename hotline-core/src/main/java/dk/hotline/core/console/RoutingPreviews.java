package dk.hotline.core.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Asks routing where a referral would go ({@code GET /api/routing/preview}): routing resolves the recipient and
 * the deadline, core never guesses. Called with the signed-in advisor's own access token (its audience includes
 * routing), asynchronously, off the event loop's back. No personal data is sent: line, severity, municipality,
 * age band and site only. Empty when routing cannot answer; the page then says so.
 */
@ApplicationScoped
public class RoutingPreviews {

    private static final Logger LOG = Logger.getLogger(RoutingPreviews.class);

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Preview(String recipientId, String recipientName, String recipientKind, List<String> copies,
                          boolean acute, long deadlineHours) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String routingUrl;
    private final ObjectMapper json;

    public RoutingPreviews(@ConfigProperty(name = "hotline.routing.url") String routingUrl, ObjectMapper json) {
        this.routingUrl = routingUrl;
        this.json = json;
    }

    public Uni<Optional<Preview>> preview(SecurityIdentity identity, String line, String severity, String municipalityCode,
                                          String ageBand, String site) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("line", line);
        query.put("severity", severity);
        query.put("municipalityCode", municipalityCode);
        query.put("ageBand", ageBand);
        query.put("site", site);
        String q = query.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(routingUrl + "/api/routing/preview?" + q))
                .timeout(Duration.ofSeconds(3)).header("Authorization", "Bearer " + token.getToken())
                .header("Accept", "application/json").GET().build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        LOG.warnf("Routing preview answered %d", response.statusCode());
                        return Optional.<Preview>empty();
                    }
                    try {
                        return Optional.of(json.readValue(response.body(), Preview.class));
                    } catch (java.io.IOException e) {
                        LOG.warnf("Routing preview unreadable (%s)", e.getClass().getSimpleName());
                        return Optional.<Preview>empty();
                    }
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Routing preview failed (%s)", e.getClass().getSimpleName());
                    return Optional.empty();
                });
    }
}
