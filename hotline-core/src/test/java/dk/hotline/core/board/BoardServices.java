package dk.hotline.core.board;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Plays the services core calls with its own token, over real HTTP: Keycloak's token endpoint (client credentials),
 * the telephony adapter (queues for the board, presence for the console) and routing's dead letters.
 */
public class BoardServices implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String base = "http://127.0.0.1:" + server.port();
        return Map.of("hotline.telephony.url", base, "hotline.routing.url", base,
                "hotline.board.token-url", base + "/token", "hotline.board.client-id", "hotline-core",
                "hotline.board.client-secret", "board-test-secret");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
