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

    @ConfigProperty(name = "hotline.rotation.dead-letter-topic")
    String rotationDeadLetters;

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

    /**
     * The telephony adapter dead-letters a schedule it cannot use (AmiCallFollowingTest proves that, and these
     * headers: SmallRye's dead-letter strategy writes them); the adapter has no database, so core lists it. Every
     * adapter instance reads the rotation topic from its start: the same bad record arriving twice is one entry.
     */
    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void aScheduleTheTelephonyAdapterDeadLetteredIsListedOnceForSupervisors() throws Exception {
        String eventId = "schedule-" + UUID.randomUUID();
        long offset = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        long before = deadLetterCount();
        try (KafkaProducer<String, String> producer = TestProducers.strings()) {
            for (int instance = 0; instance < 2; instance++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(rotationDeadLetters, "NATIONAL",
                        "{\"line\":\"NATIONAL\",\"version\":90}");
                record.headers().add("ce_specversion", bytes("1.0"));
                record.headers().add("ce_id", bytes(eventId));
                record.headers().add("ce_type", bytes("dk.hotline.rotation.schedule.v1"));
                record.headers().add("ce_source", bytes("urn:dk:hotline:core"));
                record.headers().add("dead-letter-reason", bytes("schedule lacks line, publishedAt, validFrom, validUntil or segments"));
                record.headers().add("dead-letter-exception-class-name", bytes("dk.hotline.platform.events.MalformedEventException"));
                record.headers().add("dead-letter-topic", bytes("hotline.rotation"));
                record.headers().add("dead-letter-partition", bytes("0"));
                record.headers().add("dead-letter-offset", bytes(Long.toString(offset)));
                producer.send(record).get();
            }
        }

        Map<String, Object> listed = await().atMost(Duration.ofSeconds(60)).until(() -> find(eventId), e -> e != null);
        assertThat(listed.get("topic")).isEqualTo("hotline.rotation");
        assertThat(((Number) listed.get("offset")).longValue()).isEqualTo(offset);
        assertThat(listed.get("deadLetterTopic")).isEqualTo(rotationDeadLetters);
        assertThat(listed.get("key")).isEqualTo("NATIONAL");
        assertThat(listed.get("eventType")).isEqualTo("dk.hotline.rotation.schedule.v1");
        assertThat(listed.get("reason")).isEqualTo("schedule lacks line, publishedAt, validFrom, validUntil or segments");
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetterCount() >= before + 1);
        // Both copies were read (the watch reads in order; a later marker is listed only after them): still one row.
        String marker = "marker-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = TestProducers.strings()) {
            ProducerRecord<String, String> record = new ProducerRecord<>(rotationDeadLetters, "NATIONAL", "{}");
            record.headers().add("ce_id", bytes(marker));
            record.headers().add("dead-letter-topic", bytes("hotline.rotation"));
            record.headers().add("dead-letter-partition", bytes("0"));
            record.headers().add("dead-letter-offset", bytes(Long.toString(offset + 1)));
            producer.send(record).get();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> find(marker), e -> e != null);
        assertThat(all().stream().filter(e -> eventId.equals(e.get("eventId")))).hasSize(1);
    }

    @Test
    @TestSecurity(user = "ada", roles = "advisor")
    void advisorsDoNotSeeTheDeadLetters() {
        given().get("/api/supervisor/dead-letters/events").then().statusCode(403);
    }

    private static Map<String, Object> find(String eventId) {
        return all().stream().filter(e -> eventId.equals(e.get("eventId"))).findFirst().orElse(null);
    }

    private static List<Map<String, Object>> all() {
        JsonPath json = given().get("/api/supervisor/dead-letters/events").then().statusCode(200).extract().jsonPath();
        return json.getList("$");
    }

    private static long deadLetterCount() {
        return given().get("/api/supervisor/board").then().statusCode(200).extract().jsonPath().getLong("eventDeadLetters");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
