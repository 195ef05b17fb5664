package dk.hotline.telephony.routing.agi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.hotline.telephony.testsupport.FakeAsterisk;
import dk.hotline.telephony.testsupport.FakeAsteriskResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Core, Kafka and Asterisk's AMI all unreachable: every call is still routed, marked degraded. */
@QuarkusTest
@TestProfile(DependenciesDownTest.EverythingDown.class)
class DependenciesDownTest {

    /** Nothing listens on port 1 of loopback. */
    public static class EverythingDown implements QuarkusTestProfile {
        static final int AGI_PORT = FakeAsteriskResource.freePort();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", "127.0.0.1:1",
                    "hotline.core.url", "http://127.0.0.1:1",
                    "hotline.core.token-url", "http://127.0.0.1:1/token",
                    "hotline.ami.port", "1",
                    "hotline.agi.port", Integer.toString(AGI_PORT));
        }
    }

    @ConfigProperty(name = "hotline.agi.port")
    int agiPort;

    @Test
    void callsAreRoutedToTheFailSafeSiteInDegradedMode() {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), agiPort)) {
                return true;
            }
        });

        FakeAsterisk.AgiAnswer national = FakeAsterisk.agiCall(agiPort,
                FakeAsterisk.agiHeaders("1795700000.1", "70102030", "+4520000001"));
        FakeAsterisk.AgiAnswer local = FakeAsterisk.agiCall(agiPort,
                FakeAsterisk.agiHeaders("1795700001.2", "33669900", "+4520000002"));

        assertThat(national.variable("HOTLINE_ACTION")).isEqualTo("QUEUE");
        assertThat(national.variable("HOTLINE_QUEUE")).isEqualTo("hotline-aarhus");
        assertThat(national.variable("HOTLINE_DEGRADED")).isEqualTo("true");
        assertThat(local.variable("HOTLINE_QUEUE")).isEqualTo("hotline-copenhagen");
        assertThat(local.variable("HOTLINE_DEGRADED")).isEqualTo("true");
    }

    @Test
    void notReadyButAlive() {
        given().get("/q/health/ready").then().statusCode(503);
        given().get("/q/health/live").then().statusCode(200);
    }
}
