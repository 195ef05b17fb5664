package dk.hotline.routing.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.platform.events.EventFieldCipher;
import dk.hotline.routing.support.DeliveriesTopic;
import dk.hotline.routing.support.ReferralEvents;
import dk.hotline.routing.support.RoutingTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A referral with sentinel personal data arrives (sealed by core), is shown in clear to its
 * recipient, and is rejected with a sentinel reason: afterwards no row of routing's outbox and
 * no record on hotline.referrals or hotline.deliveries holds any sentinel; the sealed reason on
 * hotline.deliveries opens, with the event keys, to what the recipient wrote.
 */
@QuarkusTest
@QuarkusTestResource(RoutingTestResources.class)
class NoPersonalDataOnTheWireTest {

    @ConfigProperty(name = "mp.messaging.incoming.referrals.topic")
    String referralsTopic;

    @ConfigProperty(name = "mp.messaging.outgoing.deliveries.topic")
    String deliveriesTopic;

    @Inject
    EventFieldCipher eventFields;

    @Inject
    Pool pool;

    @Test
    @TestSecurity(user = "fyn-contact", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "infohus-fyn"))
    void noDescriptionCallerContactOrRejectionReasonInTheOutboxOrOnAnyTopic() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String description = "SENTINELDESC-" + tag + " about the neighbour's boy";
        String name = "Sentinelname-" + tag;
        String phone = "+45 6" + tag.chars().map(c -> '0' + c % 10).limit(7).collect(StringBuilder::new,
                StringBuilder::appendCodePoint, StringBuilder::append);
        String email = "sentinel-" + tag + "@example.dk";
        String reason = "SENTINELREASON-" + tag + " call Jens on 2211 3344";
        List<String> sentinels = List.of("SENTINELDESC-" + tag, name, phone, email, "SENTINELREASON-" + tag);

        ReferralEvents.Referral r = ReferralEvents.referral("461", "AGE_25_PLUS").with("description", description)
                .with("callerContact", Map.of("name", name, "phone", phone, "email", email));
        try (ReferralEvents core = new ReferralEvents(); DeliveriesTopic deliveries = new DeliveriesTopic()) {
            core.publish(r);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    given().get("/api/inbox/referrals/{id}", r.id()).then().statusCode(200)
                            .body("description", equalTo(description)).body("callerContact.phone", equalTo(phone)));
            given().contentType(ContentType.JSON).body(new ObjectMapper().createObjectNode().put("reason", reason).toString())
                    .post("/api/inbox/referrals/{id}/reject", r.id()).then().statusCode(200)
                    .body("decisionReason", equalTo(reason));

            await().atMost(Duration.ofSeconds(90)).until(() ->
                    deliveries.typesOf(r.id()).contains("dk.hotline.referral.rejected.v1"));
            String rejected = deliveries.of(r.id()).stream()
                    .filter(e -> "dk.hotline.referral.rejected.v1".equals(e.ceType())).findFirst().orElseThrow().value();
            assertThat(eventFields.open("referral_status", "reason", r.id(),
                    new ObjectMapper().readTree(rejected).get("reason").asText())).isEqualTo(reason);
        }

        List<String> outbox = new ArrayList<>();
        for (Row row : pool.query("SELECT payload FROM outbox_event").execute().await().atMost(Duration.ofSeconds(30))) {
            outbox.add(row.getString("payload"));
        }
        assertThat(outbox).isNotEmpty();
        for (String payload : outbox) {
            assertThat(payload).doesNotContain(sentinels);
        }
        for (String topic : List.of(referralsTopic, deliveriesTopic)) {
            List<ConsumerRecord<String, String>> records = everything(topic);
            assertThat(records).extracting(ConsumerRecord::key).contains(r.id());
            for (ConsumerRecord<String, String> record : records) {
                assertThat(text(record)).as("record %s on %s", record.offset(), topic).doesNotContain(sentinels);
            }
        }
    }

    /** Everything on the topic now: polls until five polls in a row bring nothing new (at least ten polls). */
    private static List<ConsumerRecord<String, String>> everything(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RoutingTestResources.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "privacy-scan-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> all = new ArrayList<>();
            int[] polls = {0, 0};
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                int before = all.size();
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
                polls[0]++;
                polls[1] = all.size() == before ? polls[1] + 1 : 0;
                return polls[0] >= 10 && polls[1] >= 5 && !all.isEmpty();
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
