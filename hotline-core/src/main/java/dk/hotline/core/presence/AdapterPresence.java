package dk.hotline.core.presence;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.contracts.vocabulary.PauseReason;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.http.ServiceToken;
import dk.hotline.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The telephony adapter's presence API ({@code /api/telephony/presence/{endpoint}}), called with core's own
 * client-credentials token (role {@code service}). The adapter does the AMI work; core decides who may ask.
 */
@ApplicationScoped
public class AdapterPresence {

    private static final Logger LOG = Logger.getLogger(AdapterPresence.class);

    /** What core asks the adapter for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(Site site, QueueState state, PauseReason reason) {
    }

    /**
     * The adapter's answer (and core's, see {@link PresenceService#current}): the wanted state, whether Asterisk holds
     * it, and what Asterisk holds ({@code held}; null while the adapter's AMI link is down, or from an adapter that
     * does not say).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Presence(String endpoint, Site site, QueueState state, PauseReason reason, Instant wrapUpUntil,
                           boolean applied, Held held) {

        /** The automatic follow-up pause after a call, which the adapter starts and ends and core does not keep. */
        boolean followUp() {
            return state == QueueState.PAUSED && reason == PauseReason.WRAP_UP && wrapUpUntil != null;
        }
    }

    /** The phone in Asterisk's queues as the adapter last saw it: the queue's site (null when in none), state, reason. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Held(Site site, QueueState state, PauseReason reason) {

        boolean holds(QueueState wanted, Site wantedSite) {
            return state == wanted && (site == null || site == wantedSite);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ServiceToken token;
    private final ObjectMapper json;
    private final String telephonyUrl;

    public AdapterPresence(ServiceToken token, ObjectMapper json,
                           @ConfigProperty(name = "hotline.telephony.url") String telephonyUrl) {
        this.token = token;
        this.json = json;
        this.telephonyUrl = telephonyUrl;
    }

    public Uni<Presence> change(String endpoint, Change change) {
        Context caller = Vertx.currentContext();
        return token.bearer().flatMap(bearer -> {
            String body;
            try {
                body = json.writeValueAsString(change);
            } catch (IOException e) {
                return Uni.createFrom().failure(e);
            }
            // A change waits for Asterisk's answers to the AMI actions; a read is from the adapter's memory.
            HttpRequest.Builder request = request(endpoint, Duration.ofSeconds(15))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
            bearer.ifPresent(t -> request.header("Authorization", "Bearer " + t));
            return send(request.build(), caller);
        });
    }

    public Uni<Presence> current(String endpoint) {
        Context caller = Vertx.currentContext();
        return token.bearer().flatMap(bearer -> {
            HttpRequest.Builder request = request(endpoint, Duration.ofSeconds(3)).GET();
            bearer.ifPresent(t -> request.header("Authorization", "Bearer " + t));
            return send(request.build(), caller);
        });
    }

    private HttpRequest.Builder request(String endpoint, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(telephonyUrl + "/api/telephony/presence/" + endpoint))
                .timeout(timeout).header("Accept", "application/json");
    }

    /**
     * Any failure to reach the adapter or a refusal by it is 503 to our caller: nothing was changed here. The answer
     * is handed back on the Vert.x context of the caller (the JDK client answers on its own threads), so that the
     * caller can go on with Hibernate Reactive (the audit entry). That context is taken when the caller asks, not
     * here: a token fetched first arrives on the JDK client's thread, where there is none (the first change after a
     * start failed with 500 on the real PBX).
     */
    private Uni<Presence> send(HttpRequest request, Context caller) {
        Uni<HttpResponse<String>> answer = Uni.createFrom()
                .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        if (caller != null) {
            answer = answer.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        }
        return answer
                .onFailure().transform(e -> {
                    LOG.warnf("telephony presence %s failed (%s)", request.method(), e.getClass().getSimpleName());
                    return unavailable();
                })
                .map(response -> {
                    if (response.statusCode() != 200) {
                        LOG.warnf("telephony presence %s answered %d", request.method(), response.statusCode());
                        throw unavailable();
                    }
                    try {
                        return json.readValue(response.body(), Presence.class);
                    } catch (IOException e) {
                        throw unavailable();
                    }
                });
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "telephony-unavailable", "Telephony unavailable",
                "The telephony adapter did not take the change; try again", List.of());
    }
}
