package dk.hotline.telephony.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Starts what the adapter talks to, on loopback: {@link FakeAsterisk} for AMI (and the port its FastAGI client
 * will call), and WireMock playing hotline-core's snapshot endpoint and Keycloak's token endpoint.
 */
public class FakeAsteriskResource implements QuarkusTestResourceLifecycleManager {

    public static final String AMI_SECRET = "test-ami-secret";
    public static final String TOKEN = "test-access-token";

    private FakeAsterisk asterisk;
    private WireMockServer core;
    private int agiPort;

    @Override
    public Map<String, String> start() {
        asterisk = new FakeAsterisk("hotline", AMI_SECRET);
        core = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        core.start();
        core.stubFor(post(urlEqualTo("/realms/hotline/protocol/openid-connect/token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "grant_type=client_credentials"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}")));
        core.stubFor(get(urlEqualTo("/api/rotation/schedule/NATIONAL"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(ScheduleJsonSamples.openNow("NATIONAL", 1, "AARHUS"))));
        core.stubFor(get(urlEqualTo("/api/rotation/schedule/COPENHAGEN_LOCAL"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(ScheduleJsonSamples.openNow("COPENHAGEN_LOCAL", 1, "COPENHAGEN"))));
        agiPort = freePort();
        return Map.of(
                "hotline.ami.port", Integer.toString(asterisk.amiPort()),
                "hotline.ami.host", "127.0.0.1",
                "hotline.agi.port", Integer.toString(agiPort),
                "hotline.core.url", "http://127.0.0.1:" + core.port(),
                "hotline.core.token-url", "http://127.0.0.1:" + core.port()
                        + "/realms/hotline/protocol/openid-connect/token",
                "hotline.core.client-secret", "test-client-secret");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(asterisk, new TestInjector.MatchesType(FakeAsterisk.class));
        injector.injectIntoFields(core, new TestInjector.MatchesType(WireMockServer.class));
        injector.injectIntoFields(new AgiPort(agiPort), new TestInjector.MatchesType(AgiPort.class));
    }

    @Override
    public void stop() {
        if (asterisk != null) {
            asterisk.close();
        }
        if (core != null) {
            core.stop();
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the adapter's FastAGI server listens on in this test run. */
    public record AgiPort(int value) {
    }
}
