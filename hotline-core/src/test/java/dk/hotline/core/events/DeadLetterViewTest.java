package dk.hotline.core.events;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import dk.hotline.core.support.TestProducers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A call event core cannot read goes to the dead-letter topic, the partition moves on, and the supervisor sees it. */
@QuarkusTest
class DeadLetterViewTest {

    @ConfigProperty(name = "mp.messaging.incoming.calls.topic")
    String callsTopic;

    @ConfigProperty(name = "mp.messaging.incoming.calls.dead-letter-queue.topic")
    String callsDeadLetters;

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void anUnreadableCallEventIsListedForSupervisorsWithItsReasonAndNotItsContent() throws Exception {
        String eventId = "dead-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = TestProducers.strings()) {
            ProducerRecord<String, String> record = new ProducerRecord<>(callsTopic, "call-x", "{ not json 12345678");
            record.headers().add("ce_specversion", bytes("1.0"));
            record.headers().add("ce_id", bytes(eventId));
            record.headers().add("ce_type", bytes("dk.hotline.call.lifecycle.v1"));
            record.headers().add("ce_source", bytes("urn:dk:hotline:telephony"));
            producer.send(record).get();
        }

        Map<String, Object> listed = await().atMost(Duration.ofSeconds(60)).until(() -> find(eventId), e -> e != null);
        assertThat(listed.get("topic")).isEqualTo(callsTopic);
        assertThat(listed.get("deadLetterTopic")).isEqualTo(callsDeadLetters);
        assertThat(listed.get("key")).isEqualTo("call-x");
        assertThat(listed.get("eventType")).isEqualTo("dk.hotline.call.lifecycle.v1");
        assertThat((String) listed.get("reason")).startsWith("unreadable call event");
        assertThat(listed.toString()).doesNotContain("12345678");
        // The supervisor board counts it beside routing's dead letters.
        await().atMost(Duration.ofSeconds(60)).until(() ->
                given().get("/api/supervisor/board").then().statusCode(200).extract().jsonPath().getLong("eventDeadLetters") >= 1);
    }

    @Test
    @TestSecurity(user = "ada", roles = "advisor")
    void advisorsDoNotSeeTheDeadLetters() {
        given().get("/api/supervisor/dead-letters/events").then().statusCode(403);
    }

    private static Map<String, Object> find(String eventId) {
        JsonPath json = given().get("/api/supervisor/dead-letters/events").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> all = json.getList("$");
        return all.stream().filter(e -> eventId.equals(e.get("eventId"))).findFirst().orElse(null);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
