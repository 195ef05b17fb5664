package dk.hotline.telephony.callback;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dk.hotline.telephony.ami.AmiConnector;
import dk.hotline.telephony.routing.domain.QueuePresence;
import dk.hotline.telephony.testsupport.FakeAsterisk;
import dk.hotline.telephony.testsupport.FakeAsteriskResource;
import dk.hotline.telephony.testsupport.FakeAsteriskResource.AgiPort;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Callback instead of waiting, through the whole adapter: {@link FakeAsterisk} plays Asterisk's FastAGI client (the
 * caller who pressed 1, the routing of a queued call) and AMI (a free advisor, the Originate, its outcome events);
 * WireMock plays core's callback API and Keycloak. The number goes to core and to the Originate's variables only.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeAsteriskResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallbackOverAmiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NUMBER = "+4520313131";
    private static final String BEARER = "Bearer " + FakeAsteriskResource.TOKEN;

    FakeAsterisk asterisk;
    WireMockServer core;
    AgiPort agiPort;

    @Inject
    AmiConnector ami;
    @Inject
    QueuePresence presence;

    @BeforeEach
    void connected() {
        await().atMost(WAIT).until(() -> ami.isConnected() && asterisk.hasLiveSession() && presence.isKnown());
        core.resetRequests();
        asterisk.forgetQueueActions();
    }

    private static Map<String, String> callbackAgi(String uniqueId, String callerNumber) {
        Map<String, String> h = FakeAsterisk.agiHeaders(uniqueId, "70102030", callerNumber);
        h.put("agi_network_script", "callback");
        h.put("agi_request", "agi://127.0.0.1:4573/callback");
        h.put("agi_context", "hotline-callback-offer");
        return h;
    }

    private static Map<String, String> channel(String callId) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("HOTLINE_CALL_ID", callId);
        v.put("HOTLINE_LINE", "NATIONAL");
        v.put("HOTLINE_SITE", "AARHUS");
        return v;
    }

    private static String freeMember(String endpoint) {
        return "Event: QueueMemberAdded\nPrivilege: agent,all\nQueue: hotline-aarhus\nMemberName: " + endpoint
                + "\nInterface: PJSIP/" + endpoint + "\nStateInterface: PJSIP/" + endpoint + "\nMembership: dynamic\n"
                + "Penalty: 0\nCallsTaken: 0\nLastCall: 0\nLastPause: 0\nLoginTime: 1795323805\nInCall: 0\nStatus: 1\n"
                + "Paused: 0\nPausedReason: \nRingInUse: 0\nWrapuptime: 0\n";
    }

    private Map<String, String> awaitOriginate() {
        await().atMost(WAIT).until(() -> asterisk.queueActions().stream().anyMatch(a -> "Originate".equalsIgnoreCase(a.get("action"))));
        return asterisk.queueActions().stream().filter(a -> "Originate".equalsIgnoreCase(a.get("action"))).findFirst().orElseThrow();
    }

    private void awaitOutcome(String id, String outcome) {
        await().atMost(WAIT).untilAsserted(() -> core.verify(postRequestedFor(urlEqualTo("/api/callbacks/" + id + "/outcome"))
                .withRequestBody(matchingJsonPath("$.outcome", equalTo(outcome)))));
    }

    /** The advisor signs out, so the next test starts with nobody free. */
    private void memberLeaves(String endpoint) {
        asterisk.send(List.of("Event: QueueMemberRemoved\nPrivilege: agent,all\nQueue: hotline-aarhus\n"
                + "MemberName: " + endpoint + "\nInterface: PJSIP/" + endpoint + "\n"));
        await().atMost(WAIT).until(() -> presence.members("hotline-aarhus").stream()
                .noneMatch(m -> m.memberInterface().equals("PJSIP/" + endpoint)));
    }

    /** Core has one request for the national line to hand out, then none. */
    private void oneRequestToClaim(String id) {
        core.stubFor(post(urlEqualTo("/api/callbacks/claim")).inScenario(id).whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.line", equalTo("NATIONAL")))
                .withHeader("Authorization", equalTo(BEARER))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + id
                        + "\",\"callId\":\"1795700000.1\",\"line\":\"NATIONAL\",\"site\":\"AARHUS\",\"number\":\"" + NUMBER
                        + "\",\"leaseUntil\":\"2026-12-07T10:00:30Z\"}"))
                .willSetStateTo("claimed"));
        core.stubFor(post(urlEqualTo("/api/callbacks/claim")).inScenario(id).whenScenarioStateIs("claimed")
                .willReturn(aResponse().withStatus(204)));
        core.stubFor(post(urlEqualTo("/api/callbacks/" + id + "/dialling")).willReturn(aResponse().withStatus(204)));
        core.stubFor(post(urlEqualTo("/api/callbacks/" + id + "/outcome")).willReturn(aResponse().withStatus(204)));
    }

    @Test
    void pressingOneRecordsTheRequestInCoreWithTheCallersNumber() {
        core.stubFor(post(urlEqualTo("/api/callbacks")).withHeader("Authorization", equalTo(BEARER))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"6f1d2d8e-0000-4000-8000-000000000001\"}")));
        FakeAsterisk.AgiAnswer answer = FakeAsterisk.agiCall(agiPort.value(), callbackAgi("1795700000.1", NUMBER),
                channel("1795700000.1"));
        assertThat(answer.variable("HOTLINE_CALLBACK")).isEqualTo("RECORDED");
        core.verify(1, postRequestedFor(urlEqualTo("/api/callbacks")).withRequestBody(equalToJson(
                "{\"callId\":\"1795700000.1\",\"line\":\"NATIONAL\",\"site\":\"AARHUS\",\"number\":\"" + NUMBER + "\"}")));
    }

    @Test
    void aWithheldNumberOrCoreAwayAnswersFailedAndTheCallerStaysQueued() {
        FakeAsterisk.AgiAnswer withheld = FakeAsterisk.agiCall(agiPort.value(), callbackAgi("1795700000.2", "anonymous"),
                channel("1795700000.2"));
        assertThat(withheld.variable("HOTLINE_CALLBACK")).isEqualTo("FAILED");
        core.verify(0, postRequestedFor(urlEqualTo("/api/callbacks")));

        core.stubFor(post(urlEqualTo("/api/callbacks")).willReturn(aResponse().withStatus(503)));
        FakeAsterisk.AgiAnswer coreAway = FakeAsterisk.agiCall(agiPort.value(), callbackAgi("1795700000.3", NUMBER),
                channel("1795700000.3"));
        assertThat(coreAway.variable("HOTLINE_CALLBACK")).isEqualTo("FAILED");
    }

    @Test
    void aQueuedCallerWithACallableNumberIsOfferedTheCallbackAWithheldOneIsNot() {
        FakeAsterisk.AgiAnswer callable = FakeAsterisk.agiCall(agiPort.value(),
                FakeAsterisk.agiHeaders("1795700000.4", "70102030", NUMBER));
        assertThat(callable.variable("HOTLINE_ACTION")).isEqualTo("QUEUE");
        assertThat(callable.variable("HOTLINE_CALLBACK_OFFER_AFTER")).isEqualTo("120");
        FakeAsterisk.AgiAnswer withheld = FakeAsterisk.agiCall(agiPort.value(),
                FakeAsterisk.agiHeaders("1795700000.5", "70102030", "anonymous"));
        assertThat(withheld.variable("HOTLINE_ACTION")).isEqualTo("QUEUE");
        assertThat(withheld.variable("HOTLINE_CALLBACK_OFFER_AFTER")).isNullOrEmpty();
    }

    @Test
    void aFreeAdvisorIsRungByOriginateThenTheCallerAndTheOutcomeGoesToCore() {
        String id = "6f1d2d8e-0000-4000-8000-0000000000a1";
        oneRequestToClaim(id);
        asterisk.send(List.of(freeMember("advisor-aarhus-5")));

        Map<String, String> originate = awaitOriginate();
        assertThat(originate).containsEntry("channel", "PJSIP/advisor-aarhus-5")
                .containsEntry("context", "hotline-callback-out").containsEntry("exten", "s")
                .containsEntry("async", "true");
        assertThat(originate.get("actionid")).endsWith("hotline-callback-" + id);
        assertThat(originate.get("variable")).contains("HOTLINE_CALLBACK_ID=" + id)
                .contains("HOTLINE_CALLBACK_NUMBER=" + NUMBER).contains("HOTLINE_CALLBACK_LINE_NUMBER=70102030");
        // The advisor's phone shows "Tilbagekald" and the line, never the caller's number.
        assertThat(originate.get("callerid")).contains("Tilbagekald").contains("70102030").doesNotContain("20313131");
        core.verify(postRequestedFor(urlEqualTo("/api/callbacks/" + id + "/dialling"))
                .withRequestBody(matchingJsonPath("$.holder")));

        // The advisor answered, the caller answered and the advisor's leg ended: the dialplan's VarSet.
        asterisk.send(List.of("Event: VarSet\nPrivilege: dialplan,all\nChannel: PJSIP/advisor-aarhus-5-00000031\n"
                + "Uniqueid: 1795700100.9\nLinkedid: 1795700100.9\nVariable: HOTLINE_CALLBACK_RESULT\nValue: " + id + ":ANSWER\n"));
        awaitOutcome(id, "MADE");
        memberLeaves("advisor-aarhus-5");
    }

    @Test
    void anAdvisorWhoDoesNotAnswerHandsTheRequestBackToCore() {
        String id = "6f1d2d8e-0000-4000-8000-0000000000b2";
        oneRequestToClaim(id);
        asterisk.send(List.of(freeMember("advisor-aarhus-6")));
        Map<String, String> originate = awaitOriginate();
        assertThat(originate).containsEntry("channel", "PJSIP/advisor-aarhus-6");
        // Asterisk-Java puts its own id before ours; Asterisk echoes the whole ActionID in the OriginateResponse.
        asterisk.send(List.of("Event: OriginateResponse\nPrivilege: call,all\nActionID: " + originate.get("actionid")
                + "\nResponse: Failure\nChannel: PJSIP/advisor-aarhus-6\nContext: hotline-callback-out\nExten: s\n"
                + "Application: \nData: \nReason: 3\nUniqueid: <null>\nCallerIDNum: 70102030\nCallerIDName: Tilbagekald\n"));
        awaitOutcome(id, "ADVISOR_NOT_REACHED");
        memberLeaves("advisor-aarhus-6");
    }

    @Test
    void nothingIsClaimedWhileNoAdvisorIsFree() {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                core.verify(0, postRequestedFor(urlPathMatching("/api/callbacks/claim"))));
    }
}
