package dk.hotline.telephony.transfer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dk.hotline.contracts.Contract;
import dk.hotline.telephony.ami.AmiConnector;
import dk.hotline.telephony.call.domain.CallTracker;
import dk.hotline.telephony.routing.domain.QueuePresence;
import dk.hotline.telephony.testsupport.FakeAsterisk;
import dk.hotline.telephony.testsupport.FakeAsteriskResource;
import dk.hotline.telephony.testsupport.Transcript;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The transfer API through the whole adapter: the call followed from T1's recorded AMI stream (answered by
 * advisor-aarhus-1 on PJSIP/advisor-aarhus-1-00000001), the request in, AMI {@code BlindTransfer} out to
 * {@link FakeAsterisk} over real TCP; 404, 409, 400 naming the field and 503 with the AMI link down, nothing sent.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeAsteriskResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestSecurity(user = "hotline-core", roles = "service")
class TransferOverAmiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";
    /** T1's call, and the one of T3 (queued, never answered). */
    private static final String CONNECTED_CALL = "1795323805.0";

    FakeAsterisk asterisk;

    @Inject
    AmiConnector ami;
    @Inject
    QueuePresence presence;
    @Inject
    CallTracker tracker;

    private String queuedCall;

    /**
     * Feeds the two calls unless the adapter follows them already (a reconnect's resync closes them: FakeAsterisk's
     * CoreShowChannels lists no channel).
     */
    private void followCalls() {
        if (queuedCall != null && tracker.advisorChannelOf(CONNECTED_CALL).isPresent()
                && tracker.isInProgress(queuedCall)) {
            return;
        }
        // T1 up to the answer (no hang-up): a call CONNECTED to advisor-aarhus-1.
        List<Transcript.Block> t1 = Transcript.load("T1-answered-caller-hangup.txt").unsolicitedEvents(1);
        int answered = indexOf(t1, "AgentConnect");
        asterisk.sendEvents(t1.subList(0, answered + 1));
        // T3 up to the caller joining the queue: a call only QUEUED.
        List<Transcript.Block> t3 = Transcript.load("T3-abandoned-no-advisor.txt").unsolicitedEvents(1);
        int joined = indexOf(t3, "QueueCallerJoin");
        queuedCall = t3.get(joined).get("Linkedid");
        asterisk.sendEvents(t3.subList(0, joined + 1));
        await().atMost(WAIT).until(() -> tracker.advisorChannelOf(CONNECTED_CALL).isPresent()
                && tracker.isInProgress(queuedCall));
    }

    private static int indexOf(List<Transcript.Block> blocks, String event) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).isEvent(event)) {
                return i;
            }
        }
        throw new IllegalStateException("no " + event);
    }

    @BeforeEach
    void connected() {
        await().atMost(WAIT).until(() -> ami.isConnected() && asterisk.hasLiveSession());
        followCalls();
        asterisk.forgetQueueActions();
    }

    private Map<String, String> awaitTransfer() {
        await().atMost(WAIT).until(() -> asterisk.queueActions().stream()
                .anyMatch(a -> "BlindTransfer".equalsIgnoreCase(a.get("action"))));
        return asterisk.queueActions().stream().filter(a -> "BlindTransfer".equalsIgnoreCase(a.get("action")))
                .findFirst().orElseThrow();
    }

    private static io.restassured.response.ValidatableResponse post(String callId, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/telephony/calls/" + callId + "/transfer")
                .then();
    }

    @Test
    void toTheOtherSiteIsABlindTransferOfTheAdvisorsChannelIntoTheTransferContext() {
        String body = "{\"target\":\"SITE\",\"site\":\"COPENHAGEN\"}";
        assertThat(Contract.TELEPHONY_TRANSFER_V1.violations(body)).isEmpty();

        post(CONNECTED_CALL, body).statusCode(202).body("exten", equalTo("SITE-COPENHAGEN"));

        assertThat(awaitTransfer()).containsEntry("channel", "PJSIP/advisor-aarhus-1-00000001")
                .containsEntry("context", "hotline-transfer").containsEntry("exten", "SITE-COPENHAGEN");
    }

    @Test
    void toACollegueOrTheCoordinationUnitTheExtensionNamesThem() {
        String colleague = "{\"target\":\"COLLEAGUE\",\"endpoint\":\"advisor-aarhus-2\"}";
        assertThat(Contract.TELEPHONY_TRANSFER_V1.violations(colleague)).isEmpty();
        post(CONNECTED_CALL, colleague).statusCode(202);
        assertThat(awaitTransfer()).containsEntry("exten", "advisor-aarhus-2")
                .containsEntry("channel", "PJSIP/advisor-aarhus-1-00000001");

        asterisk.forgetQueueActions();
        post(CONNECTED_CALL, "{\"target\":\"COORDINATION\"}").statusCode(202);
        assertThat(awaitTransfer()).containsEntry("exten", "COORDINATION").containsEntry("context", "hotline-transfer");
    }

    @Test
    void aCallTheAdapterDoesNotFollowIsNotFound() {
        post("1795399999.7", "{\"target\":\"COORDINATION\"}").statusCode(404).contentType(PROBLEM);
        assertThat(asterisk.queueActions()).isEmpty();
    }

    @Test
    void aCallNotConnectedToAnAdvisorIsAConflict() {
        post(queuedCall, "{\"target\":\"SITE\",\"site\":\"AARHUS\"}").statusCode(409).contentType(PROBLEM)
                .body("detail", notNullValue());
        assertThat(asterisk.queueActions()).isEmpty();
    }

    @Test
    void badRequestsAreProblemsNamingTheFieldAndSendNothing() {
        Map<String, String> bad = Map.of(
                "{}", "target",
                "{\"target\":\"MOON\"}", "target",
                "{\"target\":\"SITE\"}", "site",
                "{\"target\":\"SITE\",\"site\":\"ODENSE\"}", "site",
                "{\"target\":\"COLLEAGUE\"}", "endpoint",
                "{\"target\":\"COLLEAGUE\",\"endpoint\":\"advisor aarhus 2\"}", "endpoint",
                "{\"target\":\"COLLEAGUE\",\"endpoint\":\"PJSIP/advisor-aarhus-2&Local/x\"}", "endpoint",
                "{\"target\":\"COORDINATION\",\"note\":\"hi\"}", "note");
        bad.forEach((body, field) -> {
            assertThat(Contract.TELEPHONY_TRANSFER_V1.violations(body)).as(body).isNotEmpty();
            post(CONNECTED_CALL, body).statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(field));
        });
        given().contentType(ContentType.JSON).post("/api/telephony/calls/" + CONNECTED_CALL + "/transfer").then()
                .statusCode(400).contentType(PROBLEM);
        assertThat(asterisk.queueActions()).isEmpty();
    }

    @Test
    @TestSecurity(user = "someone", roles = "supervisor")
    void onlyCoreTransfers() {
        post(CONNECTED_CALL, "{\"target\":\"COORDINATION\"}").statusCode(403);
        assertThat(asterisk.queueActions()).isEmpty();
    }

    @Test
    void withTheAmiLinkDownItIsUnavailableToTryAgainLater() {
        asterisk.refuseLogins(true);
        try {
            asterisk.dropConnections();
            await().atMost(WAIT).until(() -> !ami.isConnected());
            post(CONNECTED_CALL, "{\"target\":\"COORDINATION\"}").statusCode(503).contentType(PROBLEM)
                    .header("Retry-After", notNullValue());
        } finally {
            asterisk.refuseLogins(false);
        }
        assertThat(asterisk.queueActions()).isEmpty();
        await().atMost(WAIT).until(() -> ami.isConnected());
    }
}
