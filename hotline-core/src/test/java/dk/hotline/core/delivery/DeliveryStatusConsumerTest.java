package dk.hotline.core.delivery;

import dk.hotline.contracts.Contract;
import dk.hotline.core.support.KafkaTopicReader;
import dk.hotline.core.support.OnVertx;
import io.quarkus.test.security.TestSecurity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import dk.hotline.core.support.TestProducers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Routing's referral status events (hotline.deliveries) become each referral's status history, once per event id. */
@QuarkusTest
class DeliveryStatusConsumerTest {

    @ConfigProperty(name = "mp.messaging.incoming.deliveries.topic")
    String topic;

    @ConfigProperty(name = "mp.messaging.incoming.deliveries.dead-letter-queue.topic")
    String deadLetterTopic;

    /** Routing seals a reason with the event keys before it leaves routing; core opens it. */
    @jakarta.inject.Inject
    dk.hotline.platform.events.EventFieldCipher eventFields;

    @Test
    void eachStatusIsStoredOnceEvenWhenRedeliveredAndAnUnknownFutureStatusIsKept() throws Exception {
        String referral = UUID.randomUUID().toString();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String delivered = event(referral, "DELIVERED", t0, null, "");
        String rejected = event(referral, "REJECTED", t0.plusSeconds(60),
                eventFields.seal("referral_status", "reason", referral, "Sendt til forkert kommune"), "");
        String future = event(referral, "SUPERSEDED", t0.plusSeconds(120), null, "");
        // As routing writes them: valid against the one schema of the event.
        assertThat(Contract.REFERRAL_STATUS_V1.violations(delivered)).isEmpty();
        assertThat(Contract.REFERRAL_STATUS_V1.violations(rejected)).isEmpty();

        try (KafkaProducer<String, String> producer = TestProducers.strings()) {
            send(producer, referral, referral + "/DELIVERED", "delivered", delivered);
            send(producer, referral, referral + "/DELIVERED", "delivered", delivered);
            send(producer, referral, referral + "/REJECTED", "rejected", rejected);
            send(producer, referral, referral + "/SUPERSEDED", "superseded", future);
            send(producer, referral, "not-json", "delivered", "{ nope");
        }

        UUID id = UUID.fromString(referral);
        await().atMost(Duration.ofSeconds(30)).until(() -> history(id).size() == 3);
        List<ReferralStatus> history = history(id);
        assertThat(history).extracting(s -> s.status).containsExactly("DELIVERED", "REJECTED", "SUPERSEDED");
        assertThat(history.get(1).getReason()).isEqualTo("Sendt til forkert kommune");
        assertThat(history.get(0).recipientName).isEqualTo("Infohus Fyn");
    }

    @Test
    void aForwardAndTheRecordedOutcomeAreStoredOnceWithTheNewRecipientAndTheOutcomeCode() throws Exception {
        String referral = UUID.randomUUID().toString();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String forwarded = event(referral, "FORWARDED", t0, eventFields.seal("referral_status", "reason", referral,
                "Personen bor i Odense og er 16 år"), ",\"forwardedFrom\":\"infohus-fyn\"")
                .replace("\"recipientId\":\"infohus-fyn\",\"recipientName\":\"Infohus Fyn\"",
                        "\"recipientId\":\"ssp-461\",\"recipientName\":\"SSP Odense\"");
        String outcome = event(referral, "OUTCOME_RECORDED", t0.plusSeconds(60), null, ",\"outcome\":\"CASE_STARTED\"")
                .replace("\"recipientId\":\"infohus-fyn\",\"recipientName\":\"Infohus Fyn\"",
                        "\"recipientId\":\"ssp-461\",\"recipientName\":\"SSP Odense\"");
        assertThat(Contract.REFERRAL_STATUS_V1.violations(forwarded)).isEmpty();
        assertThat(Contract.REFERRAL_STATUS_V1.violations(outcome)).isEmpty();
        // The contract refuses a forward without its reason and an outcome without its code.
        assertThat(Contract.REFERRAL_STATUS_V1.violations(event(referral, "FORWARDED", t0, null, ",\"forwardedFrom\":\"infohus-fyn\""))).isNotEmpty();
        assertThat(Contract.REFERRAL_STATUS_V1.violations(event(referral, "OUTCOME_RECORDED", t0, null, ""))).isNotEmpty();

        try (KafkaProducer<String, String> producer = TestProducers.strings()) {
            send(producer, referral, referral + "/FORWARDED", "forwarded", forwarded);
            send(producer, referral, referral + "/OUTCOME", "outcome_recorded", outcome);
            send(producer, referral, referral + "/OUTCOME", "outcome_recorded", outcome);
        }

        UUID id = UUID.fromString(referral);
        await().atMost(Duration.ofSeconds(30)).until(() -> history(id).size() == 2);
        List<ReferralStatus> history = history(id);
        assertThat(history).extracting(s -> s.status).containsExactly("FORWARDED", "OUTCOME_RECORDED");
        assertThat(history.get(0).recipientId).isEqualTo("ssp-461");
        assertThat(history.get(0).getReason()).isEqualTo("Personen bor i Odense og er 16 år");
        assertThat(history.get(1).outcome).isEqualTo("CASE_STARTED");
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void aMalformedStatusEventGoesToTheDeadLetterTopicWithItsReasonAndTheNextOneIsStored() throws Exception {
        String referral = UUID.randomUUID().toString();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String sealed = eventFields.seal("referral_status", "reason", referral, "Barnet bor hos sin moster");
        // No status: never usable. Its reason field stays sealed, on the dead-letter topic as everywhere else.
        String malformed = event(referral, "", t0, sealed, "");
        String delivered = event(referral, "DELIVERED", t0.plusSeconds(1), null, "");

        try (KafkaProducer<String, String> producer = TestProducers.strings()) {
            send(producer, referral, referral + "/BAD", "delivered", malformed);
            send(producer, referral, referral + "/DELIVERED", "delivered", delivered);
        }

        UUID id = UUID.fromString(referral);
        await().atMost(Duration.ofSeconds(30)).until(() -> history(id).size() == 1);
        assertThat(history(id)).extracting(s -> s.status).containsExactly("DELIVERED");
        try (KafkaTopicReader deadLetters = new KafkaTopicReader(deadLetterTopic)) {
            ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.poll()
                    .stream().filter(r -> KafkaTopicReader.header(r, "ce_id").orElse("").equals(referral + "/BAD"))
                    .findFirst().orElse(null), r -> r != null);
            assertThat(KafkaTopicReader.header(dead, "dead-letter-reason"))
                    .contains("referral status event without status or occurredAt");
            assertThat(KafkaTopicReader.header(dead, "dead-letter-topic")).contains(topic);
            assertThat(dead.value()).contains(sealed).doesNotContain("moster");
        }
        // The supervisors' dead-letter view lists it: place, ids and reason, not the content.
        Map<String, Object> listed = await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .get("/api/supervisor/dead-letters/events").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream().filter(e -> (referral + "/BAD").equals(e.get("eventId")))
                .findFirst().orElse(null), e -> e != null);
        assertThat(listed.get("topic")).isEqualTo(topic);
        assertThat(listed.get("deadLetterTopic")).isEqualTo(deadLetterTopic);
        assertThat(listed.get("reason")).isEqualTo("referral status event without status or occurredAt");
        assertThat(listed.toString()).doesNotContain(sealed);
    }

    private static List<ReferralStatus> history(UUID id) {
        return OnVertx.await(() -> Panache.withSession(() -> ReferralStatus.<ReferralStatus>list("referralId = ?1 order by occurredAt", id)));
    }

    private static String event(String referral, String status, Instant at, String reason, String more) {
        return """
                {"referralId":"%s","status":"%s","recipientId":"infohus-fyn","recipientName":"Infohus Fyn",
                 "explanation":"Odense (461) belongs to Fyns Politi → Infohus Fyn","occurredAt":"%s",
                 "deadlineAt":"%s","reason":%s%s}""".formatted(referral, status, at, at.plus(Duration.ofHours(48)),
                reason == null ? "null" : "\"" + reason + "\"", more);
    }

    private void send(KafkaProducer<String, String> producer, String key, String ceId, String type, String payload) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", ceId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", ("dk.hotline.referral." + type + ".v1").getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "urn:dk:hotline:routing".getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }
}
