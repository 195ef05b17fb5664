package dk.hotline.core.health;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness means "can serve its users". With no Kafka broker at all, core still takes
 * a rotation change (the outbox keeps its event) and stays ready; the readiness answer
 * shows the waiting event as outbox lag, and PostgreSQL is the check that would take it
 * out of service.
 */
@QuarkusTest
@TestProfile(ReadinessWithoutKafkaTest.NoKafka.class)
class ReadinessWithoutKafkaTest {

    public static class NoKafka implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + closedPort());
        }
    }

    @Test
    @TestSecurity(user = "rotation-admin", roles = "rotation-admin")
    void coreStaysReadyWithKafkaDownAndShowsTheOutboxLag() {
        String version = given().get("/api/rotation").then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", version)
                .body("{\"site\":\"COPENHAGEN\",\"reason\":\"Kafka is down\"}")
                .put("/api/rotation/months/2038-02").then().statusCode(200);

        JsonPath ready = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(ready.getString("status")).isEqualTo("UP");
        List<String> names = ready.getList("checks.name");
        assertThat(names).contains("outbox").anyMatch(n -> n.contains("PostgreSQL"));
        assertThat(names).noneMatch(n -> n.toLowerCase().contains("kafka") || n.contains("messaging"));
        assertThat(ready.getLong("checks.find { it.name == 'outbox' }.data.pending")).isGreaterThanOrEqualTo(1);
        assertThat(ready.getLong("checks.find { it.name == 'outbox' }.data.oldestPendingSeconds")).isGreaterThanOrEqualTo(0);

        given().get("/q/health/live").then().statusCode(200);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
