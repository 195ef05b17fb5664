package dk.hotline.telephony.ami;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.telephony.routing.domain.QueuePresence;
import dk.hotline.telephony.routing.domain.ScheduleReplica;
import dk.hotline.contracts.Contract;
import dk.hotline.telephony.testsupport.FakeAsterisk;
import dk.hotline.telephony.testsupport.FakeAsteriskResource;
import dk.hotline.telephony.testsupport.FakeAsteriskResource.AgiPort;
import dk.hotline.telephony.testsupport.KafkaTopics;
import dk.hotline.telephony.testsupport.ScheduleJsonSamples;
import dk.hotline.telephony.testsupport.Transcript;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole adapter against a {@link FakeAsterisk} over real TCP, WireMock as core and Keycloak, and the real Kafka
 * broker: recorded AMI streams in, call life-cycle events out (checked against the JSON Schema), routing answers
 * over FastAGI, reconnect and resync, malformed input.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeAsteriskResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmiCallFollowingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    FakeAsterisk asterisk;
    WireMockServer core;
    AgiPort agiPort;

    @Inject
    ScheduleReplica replica;
    @Inject
    QueuePresence presence;
    @Inject
    AmiConnector ami;

    @ConfigProperty(name = "mp.messaging.outgoing.calls.topic")
    String callsTopic;
    @ConfigProperty(name = "mp.messaging.incoming.rotation.topic")
    String rotationTopic;
    @ConfigProperty(name = "mp.messaging.incoming.rotation.dead-letter-queue.topic")
    String rotationDeadLetters;

    private KafkaTopics.Reader calls;

    @BeforeAll
    void openReader() {
        calls = new KafkaTopics.Reader(callsTopic);
    }

    @AfterAll
    void closeReader() {
        calls.close();
    }

    @BeforeEach
    void connected() {
        await().atMost(WAIT).until(() -> ami.isConnected() && asterisk.hasLiveSession());
    }

    private List<ConsumerRecord<String, String>> awaitStates(String callId, String... states) {
        await().atMost(WAIT).until(() -> calls.recordsFor(callId).size() >= states.length);
        List<ConsumerRecord<String, String>> records = calls.recordsFor(callId);
        assertThat(records.stream().map(r -> field(r, "state")).toList()).containsExactly(states);
        int connections = 0;
        for (ConsumerRecord<String, String> r : records) {
            assertThat(Contract.CALL_LIFECYCLE_V1.violations(r.value())).as(r.value()).isEmpty();
            String state = field(r, "state");
            assertThat(KafkaTopics.header(r, "ce_type")).isEqualTo("dk.hotline.call." + state.toLowerCase() + ".v1");
            // A call connected again after a transfer: callId/CONNECTED/n for its n-th connection.
            connections += "CONNECTED".equals(state) ? 1 : 0;
            assertThat(KafkaTopics.header(r, "ce_id")).isEqualTo(callId + "/" + state
                    + ("CONNECTED".equals(state) && connections > 1 ? "/" + connections : ""));
            assertThat(KafkaTopics.header(r, "ce_specversion")).isEqualTo("1.0");
            assertThat(KafkaTopics.header(r, "ce_source")).isNotBlank();
            assertThat(r.value()).doesNotContain("+4520");
        }
        return records;
    }

    private static String field(ConsumerRecord<String, String> r, String name) {
        return node(r).path(name).asText(null);
    }

    private static JsonNode node(ConsumerRecord<String, String> r) {
        try {
            return JSON.readTree(r.value());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void replay(String transcript, int session) {
        asterisk.sendEvents(Transcript.load(transcript).unsolicitedEvents(session));
    }

    @Test
    void scheduleSnapshotIsFetchedFromCoreWithAClientCredentialsToken() {
        await().atMost(WAIT).until(() -> replica.isFresh(Line.NATIONAL));

        core.verify(WireMock.postRequestedFor(WireMock.urlEqualTo("/realms/hotline/protocol/openid-connect/token")));
        core.verify(WireMock.getRequestedFor(WireMock.urlEqualTo("/api/rotation/schedule/NATIONAL"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + FakeAsteriskResource.TOKEN)));
    }

    @Test
    void answeredNationalCallIsPublishedFromOfferToEnd() {
        replay("T1-answered-caller-hangup.txt", 1);

        List<ConsumerRecord<String, String>> records = awaitStates("1795323805.0",
                "OFFERED", "QUEUED", "CONNECTED", "ENDED");
        JsonNode connected = node(records.get(2));
        assertThat(connected.path("advisorEndpoint").asText()).isEqualTo("advisor-aarhus-1");
        assertThat(connected.path("waitSeconds").asInt()).isEqualTo(2);
        assertThat(node(records.get(3)).path("talkSeconds").asInt()).isEqualTo(5);
        assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo("1795323805.0"));
    }

    @Test
    void aCallTransferredToTheOtherSiteIsPublishedConnectedAgainWithTransferredFrom() {
        replay("T10-blind-transfer-to-site.txt", 1);

        List<ConsumerRecord<String, String>> records = awaitStates("1796671399.0",
                "OFFERED", "QUEUED", "CONNECTED", "CONNECTED", "ENDED");
        JsonNode again = node(records.get(3));
        assertThat(again.path("advisorEndpoint").asText()).isEqualTo("advisor-cph-1");
        assertThat(again.path("transferredFrom").asText()).isEqualTo("advisor-aarhus-1");
        assertThat(again.has("connection")).as("the connection number is for the ce_id only").isFalse();
        assertThat(node(records.get(2)).path("transferredFrom").isNull()).isTrue();
    }

    @Test
    void abandonedCallIsPublishedWithItsWait() {
        replay("T3-abandoned-no-advisor.txt", 1);

        List<ConsumerRecord<String, String>> records = awaitStates("1795323832.4", "OFFERED", "QUEUED", "ABANDONED");
        assertThat(node(records.get(2)).path("waitSeconds").asInt()).isEqualTo(5);
    }

    @Test
    void copenhagenLocalCallIsPublishedOnItsLine() {
        replay("T5-copenhagen-answered.txt", 1);

        String callId = Transcript.load("T5-copenhagen-answered.txt").unsolicitedEvents(1).stream()
                .filter(b -> b.isEvent("QueueCallerJoin")).findFirst().orElseThrow().get("Linkedid");
        List<ConsumerRecord<String, String>> records = awaitStates(callId, "OFFERED", "QUEUED", "CONNECTED", "ENDED");
        assertThat(records).allSatisfy(r -> assertThat(field(r, "line")).isEqualTo("COPENHAGEN_LOCAL"));
    }

    @Test
    void closedCallIsPublishedAsClosed() {
        replay("T6-closed.txt", 1);

        String callId = Transcript.load("T6-closed.txt").unsolicitedEvents(1).stream()
                .filter(b -> b.isEvent("Newchannel")).findFirst().orElseThrow().get("Linkedid");
        awaitStates(callId, "OFFERED", "CLOSED");
    }

    @Test
    void queueMemberEventsKeepAdvisorPresence() {
        replay("T9-dynamic-member-ami.txt", 1);

        await().atMost(WAIT).until(() -> presence.members("hotline-copenhagen").stream()
                .noneMatch(m -> m.memberInterface().equals("PJSIP/advisor-aarhus-1")));
    }

    @Test
    void droppedConnectionIsRestoredAndTheStateResynchronised() {
        Transcript t7 = Transcript.load("T7-ami-reconnect.txt");
        asterisk.sendEvents(t7.unsolicitedEvents(1));
        awaitStates("1795323910.13", "OFFERED", "QUEUED");
        asterisk.channelsAre(events(t7.answerTo("t7-coreshowchannels-1")));
        asterisk.queueStatusIs(events(t7.answerTo("t7-queuestatus-1")));
        int logins = asterisk.logins();

        asterisk.dropConnections();
        await().atMost(WAIT).until(() -> asterisk.logins() > logins && ami.isConnected());
        await().atMost(WAIT).until(() -> presence.isKnown());
        asterisk.sendEvents(t7.unsolicitedEvents(2));

        awaitStates("1795323910.13", "OFFERED", "QUEUED", "CONNECTED", "ENDED");
    }

    @Test
    void callThatEndedWhileDisconnectedIsClosedAsEndedDuringOutage() {
        String callId = "1795400000.9";
        List<Transcript.Block> t3 = Transcript.load("T3-abandoned-no-advisor.txt").unsolicitedEvents(1);
        List<String> untilQueued = t3.stream()
                .takeWhile(b -> !b.isEvent("QueueCallerAbandon"))
                .map(b -> b.text().replace("1795323832.4", callId))
                .toList();
        asterisk.send(untilQueued);
        awaitStates(callId, "OFFERED", "QUEUED");
        asterisk.channelsAre(List.of());
        int logins = asterisk.logins();

        asterisk.dropConnections();
        await().atMost(WAIT).until(() -> asterisk.logins() > logins);

        List<ConsumerRecord<String, String>> records = awaitStates(callId, "OFFERED", "QUEUED", "ABANDONED");
        assertThat(field(records.get(2), "endReason")).isEqualTo("ENDED_DURING_OUTAGE");
    }

    @Test
    void noAdvisorLoggedInOnDutyOverflowsOverFastAgi() {
        asterisk.queueStatusIs(List.of(
                member("hotline-aarhus", "PJSIP/advisor-aarhus-1", 5, 0),
                member("hotline-copenhagen", "PJSIP/advisor-cph-1", 1, 0)));
        reconnect();

        FakeAsterisk.AgiAnswer answer = FakeAsterisk.agiCall(agiPort.value(),
                FakeAsterisk.agiHeaders("1795500000.1", "70102030", "+4520000009"));

        assertThat(answer.variable("HOTLINE_ACTION")).isEqualTo("OVERFLOW");
        assertThat(answer.variable("HOTLINE_QUEUE")).isEqualTo("hotline-copenhagen");
        assertThat(answer.variable("HOTLINE_OVERFLOW_REASON")).isEqualTo("NO_ADVISOR_AVAILABLE");
    }

    @Test
    void longestWaitPastTheLimitOverflowsOverFastAgi() {
        asterisk.queueStatusIs(List.of(
                member("hotline-aarhus", "PJSIP/advisor-aarhus-1", 2, 0),
                "Event: QueueEntry\nQueue: hotline-aarhus\nPosition: 1\nChannel: PJSIP/telco-00000099\n"
                        + "Uniqueid: 1795499000.1\nCallerIDNum: +4520000010\nCallerIDName: x\n"
                        + "ConnectedLineNum: <unknown>\nConnectedLineName: <unknown>\nWait: 400\nPriority: 0\n",
                member("hotline-copenhagen", "PJSIP/advisor-cph-1", 1, 0)));
        reconnect();

        FakeAsterisk.AgiAnswer answer = FakeAsterisk.agiCall(agiPort.value(),
                FakeAsterisk.agiHeaders("1795500001.2", "70102030", "+4520000011"));

        assertThat(answer.variable("HOTLINE_ACTION")).isEqualTo("OVERFLOW");
        assertThat(answer.variable("HOTLINE_OVERFLOW_REASON")).isEqualTo("LONGEST_WAIT_EXCEEDED");
    }

    @Test
    void newerScheduleOnTheRotationTopicWinsOverTheSnapshot() {
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        KafkaTopics.publishSchedule(rotationTopic, "COPENHAGEN_LOCAL",
                ScheduleJsonSamples.closedAt(now, "COPENHAGEN_LOCAL", 2, "COPENHAGEN"));
        KafkaTopics.publishSchedule(rotationTopic, "COPENHAGEN_LOCAL", "{not a schedule");
        KafkaTopics.publishSchedule(rotationTopic, "COPENHAGEN_LOCAL",
                ScheduleJsonSamples.openNow("COPENHAGEN_LOCAL", 1, "COPENHAGEN"));

        await().atMost(WAIT).until(() -> replica.schedule(Line.COPENHAGEN_LOCAL)
                .map(s -> s.version() == 2).orElse(false));
        FakeAsterisk.AgiAnswer answer = FakeAsterisk.agiCall(agiPort.value(),
                FakeAsterisk.agiHeaders("1795500002.3", "33669900", "+4520000012"));

        assertThat(answer.variable("HOTLINE_ACTION")).isEqualTo("CLOSED");
        assertThat(answer.variable("HOTLINE_NEXT_OPEN")).isNotBlank();
        assertThat(answer.variable("HOTLINE_NEXT_OPEN_EPOCH"))
                .isEqualTo(Long.toString(now.plus(Duration.ofHours(3)).getEpochSecond()));
    }

    @Test
    void aMalformedScheduleGoesToTheDeadLetterTopicWithItsReasonAndTheNextOneIsApplied() {
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // Version 90 without validUntil or segments: it must never reach the replica, newer version or not.
        String bad = KafkaTopics.publishSchedule(rotationTopic, "NATIONAL",
                "{\"line\":\"NATIONAL\",\"version\":90,\"publishedAt\":\"" + now + "\",\"validFrom\":\"" + now + "\"}");
        KafkaTopics.publishSchedule(rotationTopic, "NATIONAL", ScheduleJsonSamples.openNow("NATIONAL", 80, "AARHUS"));

        await().atMost(WAIT).until(() -> replica.schedule(Line.NATIONAL).map(s -> s.version() == 80).orElse(false));
        try (KafkaTopics.Reader deadLetters = new KafkaTopics.Reader(rotationDeadLetters)) {
            ConsumerRecord<String, String> dead = await().atMost(WAIT).until(() -> deadLetters.records().stream()
                    .filter(r -> bad.equals(KafkaTopics.header(r, "ce_id"))).findFirst().orElse(null), r -> r != null);
            assertThat(dead.key()).isEqualTo("NATIONAL");
            assertThat(KafkaTopics.header(dead, "ce_type")).isEqualTo("dk.hotline.rotation.schedule.v1");
            assertThat(KafkaTopics.header(dead, "dead-letter-topic")).isEqualTo(rotationTopic);
            assertThat(KafkaTopics.header(dead, "dead-letter-exception-class-name"))
                    .isEqualTo(dk.hotline.platform.events.MalformedEventException.class.getName());
            assertThat(KafkaTopics.header(dead, "dead-letter-reason"))
                    .isEqualTo("schedule lacks line, publishedAt, validFrom, validUntil or segments");
        }
        assertThat(replica.schedule(Line.NATIONAL).orElseThrow().version()).isEqualTo(80);
    }

    @Test
    void malformedAmiInputIsSurvivedAndLaterEventsStillCount() {
        String callId = "1795600000.5";
        asterisk.sendRaw("this is not AMI\r\n\u0000\u0001\u0002\r\n: no key\r\nEvent:\r\n\r\n"
                + "Event: Newchannel\r\nUniqueid\r\n\r\n");
        List<String> t1 = Transcript.load("T1-answered-caller-hangup.txt").unsolicitedEvents(1).stream()
                .map(b -> b.text().replace("1795323805.0", callId)).toList();
        asterisk.send(t1);

        awaitStates(callId, "OFFERED", "QUEUED", "CONNECTED", "ENDED");
        assertThat(FakeAsterisk.agiCall(agiPort.value(), FakeAsterisk.agiHeaders("1795600001.6", "70102030", "x"))
                .variable("HOTLINE_ACTION")).isNotBlank();
    }

    @Test
    void wellnessFollowsTheAmiConnectionWhileTheAdapterStaysReadyToRoute() {
        await().atMost(WAIT).until(() -> replica.isFresh());
        given().get("/q/health/well").then().statusCode(200).body("status", is("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));

        asterisk.bannerIs("SSH-2.0-OpenSSH_9.2");
        asterisk.dropConnections();
        await().atMost(WAIT).until(() -> !ami.isConnected());
        given().get("/q/health/well").then().statusCode(503);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);

        asterisk.bannerIs(FakeAsterisk.BANNER);
        await().atMost(WAIT).until(() -> ami.isConnected());
        given().get("/q/health/well").then().statusCode(200);
    }

    @Test
    void resyncDeniedByManagerConfStillFollowsLiveEvents() {
        asterisk.denyActions(java.util.Set.of("coreshowchannels", "queuestatus"));
        try {
            int logins = asterisk.logins();
            asterisk.dropConnections();
            await().atMost(WAIT).until(() -> asterisk.logins() > logins && ami.isConnected());
            String callId = "1795800000.7";
            asterisk.send(Transcript.load("T1-answered-caller-hangup.txt").unsolicitedEvents(1).stream()
                    .map(b -> b.text().replace("1795323805.0", callId)).toList());

            awaitStates(callId, "OFFERED", "QUEUED", "CONNECTED", "ENDED");
            assertThat(ami.isConnected()).isTrue();
        } finally {
            asterisk.denyActions(java.util.Set.of());
            reconnect();
        }
    }

    @Test
    void aResyncRefusedAtLoginIsTriedAgainOnTheSameConnection() {
        // As on the real Asterisk logged in to while still booting: "QueueStatus: Invalid/unknown command".
        asterisk.denyActions(java.util.Set.of("queuestatus"));
        try {
            int logins = asterisk.logins();
            asterisk.dropConnections();
            await().atMost(WAIT).until(() -> asterisk.logins() > logins && ami.isConnected());
            assertThat(presence.isKnown()).isFalse();

            int loginsBefore = asterisk.logins();
            asterisk.denyActions(java.util.Set.of());
            await().atMost(WAIT).until(() -> presence.isKnown());
            assertThat(asterisk.logins()).isEqualTo(loginsBefore);
            assertThat(ami.isConnected()).isTrue();
        } finally {
            asterisk.denyActions(java.util.Set.of());
            reconnect();
        }
    }

    private void reconnect() {
        int logins = asterisk.logins();
        asterisk.dropConnections();
        await().atMost(WAIT).until(() -> asterisk.logins() > logins && ami.isConnected() && presence.isKnown());
    }

    private static String member(String queue, String iface, int status, int paused) {
        return "Event: QueueMember\nQueue: " + queue + "\nName: " + iface + "\nLocation: " + iface
                + "\nStateInterface: " + iface + "\nMembership: static\nPenalty: 0\nCallsTaken: 0\nLastCall: 0\n"
                + "LastPause: 0\nLoginTime: 1795323803\nInCall: 0\nStatus: " + status + "\nPaused: " + paused
                + "\nPausedReason: \nWrapuptime: 0\n";
    }

    private static List<String> events(List<Transcript.Block> answer) {
        return answer.stream()
                .filter(b -> b.isEvent() && !"Complete".equals(b.get("EventList")))
                .map(Transcript.Block::text)
                .collect(Collectors.toList());
    }

    @Test
    @TestSecurity(user = "rotation-admin", roles = "rotation-admin")
    void statusShowsTheManagerLinkAndTheScheduleEachLineIsRoutedBy() {
        await().atMost(WAIT).until(() -> ami.isConnected() && replica.isFresh());
        given().get("/api/telephony/status").then().statusCode(200)
                .body("amiConnected", is(true))
                .body("lines.size()", is(Line.values().length))
                .body("lines[0].fresh", is(true));
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    void statusIsForRotationAdminsAndSupervisorsOnly() {
        given().get("/api/telephony/status").then().statusCode(403);
    }

    @Test
    void statusWithoutATokenAnswers401() {
        given().get("/api/telephony/status").then().statusCode(401);
    }

    @Test
    void callersNumbersAndNamesNeverReachTheLog() throws java.io.IOException {
        String callId = "1795900000.9";
        asterisk.send(Transcript.load("T1-answered-caller-hangup.txt").unsolicitedEvents(1).stream()
                .map(b -> b.text().replace("1795323805.0", callId).replace("Caller +4520000001", "Sentinel Navnesen")
                        .replace("+4520000001", "+4520123456")).toList());
        asterisk.sendRaw("Event: Newchannel\r\nUniqueid: 1795900001.1\r\nCallerIDNum: +4520123456\r\n"
                + "CallerIDName: Sentinel Navnesen\r\nbroken line without a colon +4520123456\r\n\r\n");
        FakeAsterisk.agiCall(agiPort.value(), FakeAsterisk.agiHeaders("1795900002.2", "70102030", "+4520123456"));
        FakeAsterisk.agiCall(agiPort.value(), FakeAsterisk.agiHeaders("1795900003.3", "+4520123456", "Sentinel Navnesen"));
        awaitStates(callId, "OFFERED", "QUEUED", "CONNECTED", "ENDED");

        java.nio.file.Path log = java.nio.file.Path.of("target", "test-logs", "telephony-adapter.log");
        List<String> lines = java.nio.file.Files.readAllLines(log);
        List<String> leaks = lines.stream()
                .filter(line -> line.contains("20123456") || line.toLowerCase(java.util.Locale.ROOT).contains("navnesen"))
                .toList();
        assertThat(leaks).as("log lines with a caller's number or name (%d lines scanned)", lines.size()).isEmpty();
    }
}
