package dk.hotline.core.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.core.outbox.OutboxEvent;
import dk.hotline.core.support.KafkaTopicReader;
import dk.hotline.core.support.OnVertx;
import dk.hotline.platform.events.EventFieldCipher;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A referral with sentinel personal data (description, caller's name, phone and e-mail):
 * afterwards no outbox row and no record on any topic core writes holds any sentinel, in its
 * value or headers; the sealed values on the topic open, with the event keys, to exactly
 * what the advisor wrote (end to end, docs/decisions/personal-data-in-events.md).
 */
@QuarkusTest
@TestSecurity(user = "anna", roles = "advisor")
@OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
class NoPersonalDataOnTheWireTest {

    @ConfigProperty(name = "hotline.referrals.topic")
    String referralsTopic;

    @Inject
    EventFieldCipher eventFields;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aReferralsDescriptionAndCallerContactAreInNoOutboxRowAndOnNoTopic() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String description = "SENTINELDESC-" + tag + " the son of Sentinel Family";
        String name = "Sentinelname-" + tag;
        String phone = "+45 7" + tag.chars().map(c -> '0' + c % 10).limit(7).collect(StringBuilder::new,
                StringBuilder::appendCodePoint, StringBuilder::append);
        String email = "sentinel-" + tag + "@example.dk";
        List<String> sentinels = List.of("SENTINELDESC-" + tag, name, phone, email);

        String id = given().contentType(ContentType.JSON).body("{\"channel\":\"PHONE_OUTSIDE_SYSTEM\"}")
                .post("/api/contacts").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("""
                {"callerRole":"RELATIVE","concernCategory":"MILITANT_ISLAMISM","ageBand":"AGE_15_17","municipalityCode":"461",
                 "adviceThemes":["SIGNS_OF_RADICALISATION"],"summary":"Worried father.","outcome":"REFERRAL"}""")
                .patch("/api/contacts/" + id).then().statusCode(200);
        String referralId = given().contentType(ContentType.JSON).body(json.createObjectNode().set("referral",
                        json.createObjectNode().put("severity", "HIGH").put("legalBasis", "CONSENT").put("description", description)
                                .set("callerContact", json.createObjectNode().put("name", name).put("phone", phone).put("email", email))))
                .post("/api/contacts/" + id + "/finalise").then().statusCode(200).extract().path("referral.id");

        ConsumerRecord<String, String> event = awaitOnTopic(referralsTopic, referralId);
        JsonNode payload = json.readTree(event.value());
        assertThat(eventFields.open("referral_created", "description", referralId, payload.get("description").asText())).isEqualTo(description);
        assertThat(eventFields.open("referral_created", "caller_name", referralId, payload.get("callerContact").get("name").asText())).isEqualTo(name);
        assertThat(eventFields.open("referral_created", "caller_phone", referralId, payload.get("callerContact").get("phone").asText())).isEqualTo(phone);
        assertThat(eventFields.open("referral_created", "caller_email", referralId, payload.get("callerContact").get("email").asText())).isEqualTo(email);

        List<OutboxEvent> outbox = OnVertx.await(() -> Panache.withSession(() -> OutboxEvent.<OutboxEvent>listAll()));
        assertThat(outbox).isNotEmpty();
        List<String> topics = outbox.stream().map(e -> e.topic).distinct().toList();
        assertThat(topics).contains(referralsTopic);
        for (OutboxEvent row : outbox) {
            assertThat(row.payload).as("outbox row %s", row.id).doesNotContain(sentinels);
        }
        for (String topic : topics) {
            List<ConsumerRecord<String, String>> records = everything(topic);
            if (topic.equals(referralsTopic)) {
                assertThat(records).extracting(ConsumerRecord::key).contains(referralId);
            }
            for (ConsumerRecord<String, String> record : records) {
                assertThat(text(record)).as("record %s on %s", record.offset(), topic).doesNotContain(sentinels);
            }
        }
    }

    private ConsumerRecord<String, String> awaitOnTopic(String topic, String key) {
        try (KafkaTopicReader reader = new KafkaTopicReader(topic)) {
            AtomicReference<ConsumerRecord<String, String>> found = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                reader.poll().stream().filter(r -> key.equals(r.key())).findFirst().ifPresent(found::set);
                return found.get() != null;
            });
            return found.get();
        }
    }

    /** Everything on the topic now: polls until five polls in a row bring nothing new (at least ten polls). */
    private static List<ConsumerRecord<String, String>> everything(String topic) {
        try (KafkaTopicReader reader = new KafkaTopicReader(topic)) {
            List<ConsumerRecord<String, String>> all = new ArrayList<>();
            int[] polls = {0, 0};
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                int before = all.size();
                all.clear();
                all.addAll(reader.poll());
                polls[0]++;
                polls[1] = all.size() == before ? polls[1] + 1 : 0;
                return polls[0] >= 10 && polls[1] >= 5;
            });
            return all;
        }
    }

    private static String text(ConsumerRecord<String, String> record) {
        StringBuilder all = new StringBuilder(String.valueOf(record.key())).append(' ').append(record.value());
        for (Header h : record.headers()) {
            all.append(' ').append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8));
        }
        return all.toString();
    }
}
