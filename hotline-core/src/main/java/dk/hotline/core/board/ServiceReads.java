package dk.hotline.core.board;

import dk.hotline.core.http.ServiceToken;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A GET to another service with core's own token, read as JSON. Empty when the service does not answer, answers
 * other than 200 or with something unreadable: the board then says "unknown" for that part rather than failing.
 */
@ApplicationScoped
public class ServiceReads {

    private static final Logger LOG = Logger.getLogger(ServiceReads.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ServiceToken token;
    private final ObjectMapper json;

    public ServiceReads(ServiceToken token, ObjectMapper json) {
        this.token = token;
        this.json = json;
    }

    public <T> Uni<Optional<T>> get(String url, Class<T> type) {
        return get(url, json.getTypeFactory().constructType(type));
    }

    public <T> Uni<Optional<T>> get(String url, JavaType type) {
        return token.bearer().flatMap(bearer -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                    .header("Accept", "application/json").GET();
            bearer.ifPresent(t -> request.header("Authorization", "Bearer " + t));
            return Uni.createFrom().completionStage(() -> http.sendAsync(request.build(),
                    HttpResponse.BodyHandlers.ofString()));
        }).map(response -> {
            if (response.statusCode() != 200) {
                LOG.warnf("%s answered %d", url, response.statusCode());
                return Optional.<T>empty();
            }
            try {
                return Optional.of(json.<T>readValue(response.body(), type));
            } catch (java.io.IOException e) {
                LOG.warnf("%s unreadable (%s)", url, e.getClass().getSimpleName());
                return Optional.<T>empty();
            }
        }).onFailure().recoverWithItem(e -> {
            LOG.warnf("%s failed (%s: %s)", url, e.getClass().getSimpleName(), e.getMessage());
            return Optional.empty();
        });
    }
}
