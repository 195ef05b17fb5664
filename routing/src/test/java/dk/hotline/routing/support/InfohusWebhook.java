package dk.hotline.routing.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dk.hotline.routing.webhook.domain.WebhookSigner;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Plays an infohus' (or SSP network's) webhook receiver over real HTTP: it checks the signature the way our docs tell
 * receivers to (HMAC-SHA256 over timestamp "." body) and answers 401 when it does not match. Each behaviour lives on
 * its own path so tests can share one server.
 */
public final class InfohusWebhook implements AutoCloseable {

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    public InfohusWebhook() {
        server.start();
    }

    public String url(String path) {
        return server.baseUrl() + path;
    }

    /** 200 for a request signed with {@code secret}, 401 otherwise. */
    public void acceptsSignedWith(String path, String secret) {
        server.stubFor(post(urlPathEqualTo(path)).atPriority(1).andMatching(new SignedWith(secret))
                .willReturn(aResponse().withStatus(200)));
        server.stubFor(post(urlPathEqualTo(path)).atPriority(5).willReturn(aResponse().withStatus(401)));
    }

    /** Answers 500 {@code failures} times, then accepts signed requests. */
    public void failsThenAccepts(String path, String secret, int failures) {
        String scenario = "flaky" + path;
        String state = Scenario.STARTED;
        for (int i = 1; i <= failures; i++) {
            String next = "failed-" + i;
            server.stubFor(post(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(500)).willSetStateTo(next));
            state = next;
        }
        server.stubFor(post(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs(state)
                .andMatching(new SignedWith(secret)).willReturn(aResponse().withStatus(200)));
    }

    /** The first request hangs for {@code delayMs} (longer than routing's timeout), later ones are accepted. */
    public void hangsOnceThenAccepts(String path, String secret, int delayMs) {
        String scenario = "hang" + path;
        server.stubFor(post(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withFixedDelay(delayMs)).willSetStateTo("answered"));
        server.stubFor(post(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs("answered")
                .andMatching(new SignedWith(secret)).willReturn(aResponse().withStatus(200)));
    }

    /** Accepts, but takes {@code delayMs} to answer (within routing's timeout). */
    public void slowlyAccepts(String path, String secret, int delayMs) {
        server.stubFor(post(urlPathEqualTo(path)).andMatching(new SignedWith(secret))
                .willReturn(aResponse().withStatus(200).withFixedDelay(delayMs)));
    }

    /** Always 500. */
    public void alwaysFails(String path) {
        server.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500)));
    }

    public List<LoggedRequest> requests(String path) {
        return server.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The receiver's signature check. */
    private static final class SignedWith extends RequestMatcherExtension {
        private final String secret;
        private final WebhookSigner signer = new WebhookSigner();

        SignedWith(String secret) {
            this.secret = secret;
        }

        @Override
        public MatchResult match(Request request, Parameters parameters) {
            String timestamp = request.getHeader(WebhookSigner.TIMESTAMP_HEADER);
            String signature = request.getHeader(WebhookSigner.SIGNATURE_HEADER);
            if (timestamp == null || signature == null || !timestamp.matches("\\d+")) {
                return MatchResult.noMatch();
            }
            return MatchResult.of(signer.verify(secret, Long.parseLong(timestamp), request.getBodyAsString(), signature));
        }
    }
}
