package dk.hotline.core.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.http.ServiceToken;
import dk.hotline.core.transfer.domain.TransferOrder;
import dk.hotline.core.transfer.domain.TransferTarget;
import dk.hotline.platform.problem.Problem;
import dk.hotline.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The telephony adapter's transfer API ({@code POST /api/telephony/calls/{callId}/transfer}, contract
 * telephony-transfer.v1), called with core's own client-credentials token (role {@code service}) once core has
 * decided the advisor may. The note never leaves core.
 */
@ApplicationScoped
public class AdapterTransfer {

    private static final Logger LOG = Logger.getLogger(AdapterTransfer.class);

    /** The body core sends: target, and the site or the colleague's endpoint that goes with it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(TransferTarget target, Site site, String endpoint) {

        public static Body of(TransferOrder order) {
            return new Body(order.target(), order.site(), order.endpoint());
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ServiceToken token;
    private final ObjectMapper json;
    private final String telephonyUrl;

    public AdapterTransfer(ServiceToken token, ObjectMapper json, @ConfigProperty(name = "hotline.telephony.url") String telephonyUrl) {
        this.token = token;
        this.json = json;
        this.telephonyUrl = telephonyUrl;
    }

    /**
     * Completes when the adapter took the request (202). A call the adapter does not hold connected (404, 409) is 409
     * {@code call-not-connected}; anything else, or no answer, is 503 {@code telephony-unavailable}: nothing happened.
     * The answer comes back on the caller's Vert.x context (see AdapterPresence for why).
     */
    public Uni<Void> transfer(String callId, TransferOrder order) {
        Context caller = Vertx.currentContext();
        return token.bearer().flatMap(bearer -> {
            String body;
            try {
                body = json.writeValueAsString(Body.of(order));
            } catch (IOException e) {
                return Uni.createFrom().failure(e);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(telephonyUrl + "/api/telephony/calls/"
                            + URLEncoder.encode(callId, StandardCharsets.UTF_8) + "/transfer"))
                    .timeout(Duration.ofSeconds(10)).header("Accept", "application/json")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            bearer.ifPresent(t -> request.header("Authorization", "Bearer " + t));
            Uni<HttpResponse<Void>> answer = Uni.createFrom()
                    .completionStage(() -> http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()));
            if (caller != null) {
                answer = answer.emitOn(task -> caller.runOnContext(ignored -> task.run()));
            }
            return answer.onFailure().transform(e -> {
                LOG.warnf("telephony transfer of call %s failed (%s)", callId, e.getClass().getSimpleName());
                return unavailable();
            }).invoke(response -> {
                int status = response.statusCode();
                if (status != 202) {
                    LOG.warnf("telephony transfer of call %s answered %d", callId, status);
                    throw status == 404 || status == 409 ? notConnected() : unavailable();
                }
            }).replaceWithVoid();
        });
    }

    public static ProblemException notConnected() {
        return ProblemException.conflict("call-not-connected", "The call is not connected",
                "The call is not connected to an advisor any more (it ended, or was handed on); nothing was done",
                List.of(new Problem.FieldError("callId", "is not connected")));
    }

    public static ProblemException unavailable() {
        return new ProblemException(503, "telephony-unavailable", "Telephony unavailable",
                "The telephony adapter did not take the transfer; the call is still yours; try again", List.of());
    }
}
