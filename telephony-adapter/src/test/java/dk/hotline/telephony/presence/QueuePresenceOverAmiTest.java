package dk.hotline.telephony.presence;

import dk.hotline.contracts.Contract;
import dk.hotline.telephony.ami.AmiConnector;
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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Advisors' queue presence through the whole adapter: the presence API in, AMI QueueAdd/QueuePause/QueueRemove out to
 * {@link FakeAsterisk} over real TCP, member events in as recorded from Asterisk 20 (T9, T1), the wanted state
 * re-asserted after Asterisk comes back without it, and follow-up work after a call.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeAsteriskResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestSecurity(user = "hotline-core", roles = "service")
class QueuePresenceOverAmiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";

    FakeAsterisk asterisk;

    @Inject
    AmiConnector ami;
    @Inject
    QueuePresence presence;

    @BeforeEach
    void connected() {
        await().atMost(WAIT).until(() -> ami.isConnected() && asterisk.hasLiveSession() && presence.isKnown());
        asterisk.forgetQueueActions();
    }

    /** The recorded {@code name} event of T9 (or T1), made about {@code endpoint} in Aarhus' queue. */
    private static String recorded(String transcript, String name, int nth, String endpoint) {
        List<Transcript.Block> events = Transcript.load(transcript + ".txt").blocks().stream().filter(b -> b.isEvent(name)).toList();
        return events.get(nth).text().replace("hotline-copenhagen", "hotline-aarhus")
                .replace("PJSIP/advisor-aarhus-1", "PJSIP/" + endpoint).replace("Advisor Aarhus 1", endpoint);
    }

    private static void put(String endpoint, String body, int status) {
        given().contentType(ContentType.JSON).body(body).put("/api/telephony/presence/" + endpoint)
                .then().statusCode(status);
    }

    private Map<String, String> awaitAction(String action, String endpoint) {
        await().atMost(WAIT).until(() -> asterisk.queueActions().stream().anyMatch(a -> matches(a, action, endpoint)));
        return asterisk.queueActions().stream().filter(a -> matches(a, action, endpoint)).reduce((a, b) -> b).orElseThrow();
    }

    private static boolean matches(Map<String, String> a, String action, String endpoint) {
        return action.equalsIgnoreCase(a.get("action")) && ("PJSIP/" + endpoint).equals(a.get("interface"));
    }

    private void memberAdded(String endpoint) {
        asterisk.send(List.of(recorded("T9-dynamic-member-ami", "QueueMemberAdded", 0, endpoint)));
        await().atMost(WAIT).until(() -> presence.members("hotline-aarhus").stream()
                .anyMatch(m -> m.memberInterface().equals("PJSIP/" + endpoint)));
    }

    @Test
    void signInPauseWithReasonResumeAndSignOutAreAmiActionsOnADynamicMember() {
        put("advisor-aarhus-7", "{\"site\":\"AARHUS\",\"state\":\"AVAILABLE\"}", 200);
        Map<String, String> add = awaitAction("QueueAdd", "advisor-aarhus-7");
        assertThat(add).containsEntry("queue", "hotline-aarhus").containsEntry("paused", "false")
                .containsEntry("membername", "advisor-aarhus-7");
        memberAdded("advisor-aarhus-7");

        given().contentType(ContentType.JSON).body("{\"site\":\"AARHUS\",\"state\":\"PAUSED\",\"reason\":\"BREAK\"}")
                .put("/api/telephony/presence/advisor-aarhus-7").then().statusCode(200)
                .body("state", equalTo("PAUSED")).body("reason", equalTo("BREAK")).body("applied", equalTo(true));
        assertThat(awaitAction("QueuePause", "advisor-aarhus-7")).containsEntry("queue", "hotline-aarhus")
                .containsEntry("paused", "true").containsEntry("reason", "BREAK");

        // Asterisk confirms the pause (T9's QueueMemberPause, reason ours): the presence API reads it back as held.
        asterisk.send(List.of(recorded("T9-dynamic-member-ami", "QueueMemberPause", 0, "advisor-aarhus-7")
                .replace("lunch break", "BREAK")));
        await().atMost(WAIT).until(() -> presence.members("hotline-aarhus").stream()
                .anyMatch(m -> m.memberInterface().equals("PJSIP/advisor-aarhus-7") && m.paused()));
        String held = given().get("/api/telephony/presence/advisor-aarhus-7").then().statusCode(200)
                .body("state", equalTo("PAUSED")).body("reason", equalTo("BREAK")).body("applied", equalTo(true))
                .body("held.site", equalTo("AARHUS")).body("held.state", equalTo("PAUSED"))
                .body("held.reason", equalTo("BREAK")).extract().asString();
        // A phone this adapter was never asked about: what Asterisk holds is still said (the other adapter's change).
        given().get("/api/telephony/presence/advisor-aarhus-404").then().statusCode(200)
                .body("state", equalTo("SIGNED_OUT")).body("held.state", equalTo("SIGNED_OUT"));
        // Producer side of the contracts core reads (core's ConsumedContractsTest is the consumer side).
        assertThat(Contract.TELEPHONY_PRESENCE_V1.violations(held)).isEmpty();
        String queues = given().get("/api/telephony/queues").then().statusCode(200).extract().asString();
        assertThat(Contract.TELEPHONY_QUEUES_V1.violations(queues)).as(queues).isEmpty();
        assertThat(queues).contains("\"BREAK\"");

        asterisk.forgetQueueActions();
        put("advisor-aarhus-7", "{\"site\":\"AARHUS\",\"state\":\"AVAILABLE\"}", 200);
        assertThat(awaitAction("QueuePause", "advisor-aarhus-7")).containsEntry("paused", "false")
                .doesNotContainKey("reason");

        put("advisor-aarhus-7", "{\"site\":\"AARHUS\",\"state\":\"SIGNED_OUT\"}", 200);
        assertThat(awaitAction("QueueRemove", "advisor-aarhus-7")).containsEntry("queue", "hotline-aarhus");
    }

    @Test
    void badChangesAreProblemsNamingTheFieldAndSendNothing() {
        given().contentType(ContentType.JSON).body("{\"site\":\"AARHUS\",\"state\":\"PAUSED\",\"reason\":\"NAP\"}")
                .put("/api/telephony/presence/advisor-aarhus-9").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body("{\"site\":\"AARHUS\",\"state\":\"PAUSED\"}")
                .put("/api/telephony/presence/advisor-aarhus-9").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body("{\"site\":\"AARHUS\",\"state\":\"AVAILABLE\",\"reason\":\"BREAK\"}")
                .put("/api/telephony/presence/advisor-aarhus-9").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body("{\"site\":\"AARHUS\",\"state\":\"AVAILABLE\"}")
                .put("/api/telephony/presence/Advisor%20Nine").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("endpoint"));
        given().contentType(ContentType.JSON).body("{\"state\":\"AVAILABLE\"}")
                .put("/api/telephony/presence/advisor-aarhus-9").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("site"));

        assertThat(asterisk.queueActions()).isEmpty();
    }

    @Test
    @TestSecurity(user = "someone", roles = "supervisor")
    void onlyCoreChangesPresence() {
        given().contentType(ContentType.JSON).body("{\"site\":\"AARHUS\",\"state\":\"AVAILABLE\"}")
                .put("/api/telephony/presence/advisor-aarhus-9").then().statusCode(403);
        assertThat(asterisk.queueActions()).isEmpty();
    }

    @Test
    void afterAsteriskComesBackWithoutTheMemberTheWantedPauseIsReasserted() {
        put("advisor-aarhus-5", "{\"site\":\"AARHUS\",\"state\":\"PAUSED\",\"reason\":\"SUPERVISION\"}", 200);
        awaitAction("QueueAdd", "advisor-aarhus-5");
        int logins = asterisk.logins();
        asterisk.forgetQueueActions();

        asterisk.queueStatusIs(List.of());   // restarted with an empty AstDB: the member is gone
        asterisk.dropConnections();

        await().atMost(WAIT).until(() -> asterisk.logins() > logins && ami.isConnected());
        Map<String, String> add = awaitAction("QueueAdd", "advisor-aarhus-5");
        assertThat(add).containsEntry("queue", "hotline-aarhus").containsEntry("paused", "true");
        assertThat(awaitAction("QueuePause", "advisor-aarhus-5")).containsEntry("reason", "SUPERVISION")
                .containsEntry("paused", "true");
    }

    @Test
    void aCallEndedStartsFollowUpWorkThatEndsByItself() {
        put("advisor-aarhus-6", "{\"site\":\"AARHUS\",\"state\":\"AVAILABLE\"}", 200);
        awaitAction("QueueAdd", "advisor-aarhus-6");
        memberAdded("advisor-aarhus-6");
        asterisk.forgetQueueActions();

        // The advisor's call ends (T1's AgentComplete, made about this advisor).
        asterisk.send(List.of(recorded("T1-answered-caller-hangup", "AgentComplete", 0, "advisor-aarhus-6")));

        Map<String, String> wrapUp = awaitAction("QueuePause", "advisor-aarhus-6");
        assertThat(wrapUp).containsEntry("paused", "true").containsEntry("reason", "WRAP_UP");
        given().get("/api/telephony/presence/advisor-aarhus-6").then().statusCode(200)
                .body("state", equalTo("PAUSED")).body("reason", equalTo("WRAP_UP"));

        // hotline.presence.wrap-up is 2 s in tests: then the pause is lifted without anyone asking.
        await().atMost(WAIT).until(() -> asterisk.queueActions().stream()
                .anyMatch(a -> matches(a, "QueuePause", "advisor-aarhus-6") && "false".equals(a.get("paused"))));
        given().get("/api/telephony/presence/advisor-aarhus-6").then().statusCode(200)
                .body("state", equalTo("AVAILABLE"));
    }
}
