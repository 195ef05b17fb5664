package dk.hotline.core.call;

import dk.hotline.core.contact.Contact;
import dk.hotline.core.contact.domain.Channel;
import dk.hotline.core.contact.domain.ContactStatus;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.support.AdvisorEventStream;
import dk.hotline.core.support.FakeTelephonyAdapter;
import dk.hotline.core.support.KafkaTopicReader;
import dk.hotline.core.support.OnVertx;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The call life cycle from Kafka: call records, the draft on CONNECTED, the advisor's live notice. */
@QuarkusTest
class CallEventsTest {

    @ConfigProperty(name = "mp.messaging.incoming.calls.topic")
    String callsTopic;

    @ConfigProperty(name = "mp.messaging.incoming.calls.dead-letter-queue.topic")
    String deadLetterTopic;

    @TestHTTPResource("/api/advisor/events")
    URI events;

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void connectedCallOpensADraftAtOnceAndTellsItsAdvisorOverSse() {
        String callId = "1732262400." + FakeTelephonyAdapter.uniqueDigits();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (AdvisorEventStream stream = new AdvisorEventStream(events);
             FakeTelephonyAdapter adapter = new FakeTelephonyAdapter(callsTopic)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> stream.data().stream().anyMatch(d -> d.contains("\"HELLO\"")));

            adapter.publish(callId, "OFFERED", "AARHUS", null, t0);
            adapter.publish(callId, "QUEUED", "AARHUS", null, t0.plusSeconds(1));
            adapter.publish(callId, "CONNECTED", "AARHUS", "advisor-aarhus-1", t0.plusSeconds(3));

            await().atMost(Duration.ofSeconds(30)).until(() -> stream.data().stream()
                    .anyMatch(d -> d.contains("\"DRAFT_OPEN\"") && d.contains(callId)));
            String notice = stream.data().stream().filter(d -> d.contains(callId)).findFirst().orElseThrow();
            Contact draft = draftOf(callId);
            assertThat(notice).contains(draft.id.toString()).contains("advisor-aarhus-1");
            assertThat(draft.status).isEqualTo(ContactStatus.DRAFT);
            assertThat(draft.channel).isEqualTo(Channel.HOTLINE_CALL);
            assertThat(draft.site).isEqualTo(Site.AARHUS);
            assertThat(draft.advisorEndpoint).isEqualTo("advisor-aarhus-1");

            CallRecord call = call(callId);
            assertThat(call.state.name()).isEqualTo("CONNECTED");
            assertThat(call.offeredAt).isEqualTo(t0);
            assertThat(call.connectedAt).isEqualTo(t0.plusSeconds(3));
            assertThat(call.callerHash).isNotBlank();

            // The draft is on the server: the advisor can fetch it (e.g. after closing the browser).
            given().get("/api/contacts/" + draft.id).then().statusCode(200);
        }
    }

    @Test
    void redeliveredConnectedEventOpensNoSecondDraftAndLaterEventsMoveTheCallOn() {
        String callId = "1732262401." + FakeTelephonyAdapter.uniqueDigits();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (FakeTelephonyAdapter adapter = new FakeTelephonyAdapter(callsTopic)) {
            adapter.publish(callId, "CONNECTED", "COPENHAGEN", "advisor-cph-2", t0);
            await().atMost(Duration.ofSeconds(30)).until(() -> draftsOf(callId).size() == 1);
            adapter.publish(callId, "CONNECTED", "COPENHAGEN", "advisor-cph-2", t0);
            adapter.publish(callId, "ENDED", "COPENHAGEN", "advisor-cph-2", t0.plusSeconds(90));
            await().atMost(Duration.ofSeconds(30)).until(() -> call(callId).state.name().equals("ENDED"));
            // The redelivery was consumed before ENDED (same key, same partition, in order): it changed nothing.
            assertThat(draftsOf(callId)).hasSize(1);
            assertThat(call(callId).endedAt).isEqualTo(t0.plusSeconds(90));
            assertThat(call(callId).connectedAt).isEqualTo(t0);
            // A late redelivery of CONNECTED after ENDED does not move the call back either.
            adapter.publish(callId, "CONNECTED", "COPENHAGEN", "advisor-cph-2", t0);
            String marker = "1732262402." + FakeTelephonyAdapter.uniqueDigits();
            adapter.publish(marker, "OFFERED", "COPENHAGEN", null, t0);
            await().atMost(Duration.ofSeconds(30)).until(() -> call(marker) != null);
            assertThat(call(callId).state.name()).isEqualTo("ENDED");
            assertThat(draftsOf(callId)).hasSize(1);
        }
    }

    @Test
    @TestSecurity(user = "sofie", roles = "supervisor")
    @OidcSecurity(claims = @Claim(key = "site", value = "COPENHAGEN"))
    void supervisorSeesAnsweredCallsWithoutAFinalisedLog() {
        String old = "1732262403." + FakeTelephonyAdapter.uniqueDigits();
        String recent = "1732262404." + FakeTelephonyAdapter.uniqueDigits();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (FakeTelephonyAdapter adapter = new FakeTelephonyAdapter(callsTopic)) {
            adapter.publish(old, "CONNECTED", "AARHUS", "advisor-aarhus-3", now.minus(Duration.ofHours(2)));
            adapter.publish(recent, "CONNECTED", "AARHUS", "advisor-aarhus-3", now.minus(Duration.ofMinutes(5)));
            await().atMost(Duration.ofSeconds(30)).until(() -> draftsOf(old).size() == 1 && draftsOf(recent).size() == 1);
        }
        given().get("/api/supervisor/unlogged-calls").then().statusCode(200)
                .body("callId", hasItem(old)).body("callId", not(hasItem(recent)));
        given().queryParam("olderThan", "PT1M").get("/api/supervisor/unlogged-calls").then().statusCode(200)
                .body("callId", hasItem(recent));
        given().queryParam("site", "ODENSE").get("/api/supervisor/unlogged-calls").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("site"));
        given().queryParam("site", "AARHUS").get("/api/supervisor/unlogged-calls").then().statusCode(200)
                .body("callId", hasItem(old));
        given().queryParam("olderThan", "half an hour").get("/api/supervisor/unlogged-calls").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("olderThan"));
    }

    @Test
    void aMalformedCallEventGoesToTheDeadLetterTopicWithItsReasonAndTheNextIsRecorded() {
        String after = "1732262405." + FakeTelephonyAdapter.uniqueDigits();
        String broken = "1732262406." + FakeTelephonyAdapter.uniqueDigits();
        try (FakeTelephonyAdapter adapter = new FakeTelephonyAdapter(callsTopic);
             KafkaTopicReader deadLetters = new KafkaTopicReader(deadLetterTopic)) {
            // One partition key for both, so the second waits behind the first if the first stalled.
            adapter.publishRaw(after, broken + "/OFFERED", "{not json");
            adapter.publishRaw(after, broken + "/QUEUED", "{\"callId\":\"" + broken + "\",\"state\":\"QUEUED\"}");
            adapter.publish(after, "OFFERED", "AARHUS", null, Instant.now().truncatedTo(ChronoUnit.SECONDS));
            await().atMost(Duration.ofSeconds(30)).until(() -> call(after) != null);
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.poll().size() >= 2);
            assertThat(deadLetters.poll()).extracting(r -> KafkaTopicReader.header(r, "dead-letter-reason").orElse(""))
                    .containsExactly("unreadable call event (JsonParseException)",
                            "call event without callId, state or occurredAt");
        }
        assertThat(call(broken)).isNull();
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void advisorMayNotReadTheSupervisorList() {
        given().get("/api/supervisor/unlogged-calls").then().statusCode(403);
    }

    static CallRecord call(String callId) {
        return OnVertx.await(() -> Panache.withSession(() -> CallRecord.<CallRecord>findById(callId)));
    }

    static List<Contact> draftsOf(String callId) {
        return OnVertx.await(() -> Panache.withSession(() -> Contact.<Contact>list("callId", callId)));
    }

    static Contact draftOf(String callId) {
        List<Contact> drafts = draftsOf(callId);
        assertThat(drafts).hasSize(1);
        return drafts.get(0);
    }
}
