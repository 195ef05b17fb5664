package dk.hotline.telephony.routing.agi;

import static dk.hotline.telephony.testsupport.Schedules.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.telephony.routing.domain.LinePolicy;
import dk.hotline.telephony.routing.domain.QueuePresence;
import dk.hotline.telephony.routing.domain.Router;
import dk.hotline.telephony.routing.domain.ScheduleReplica;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.telephony.testsupport.FakeAsterisk;
import dk.hotline.telephony.testsupport.FakeAsterisk.AgiAnswer;
import dk.hotline.telephony.testsupport.MutableClock;
import dk.hotline.telephony.testsupport.Schedules;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The FastAGI server over real TCP, Asterisk played by {@link FakeAsterisk}. */
class FastAgiRoutingTest {

    private static final String NATIONAL = "70102030";
    private static final String COPENHAGEN_LOCAL = "33669900";

    private final MutableClock clock = new MutableClock(at("2026-11-23T10:00"));
    private final ScheduleReplica replica = new ScheduleReplica(clock);
    private final QueuePresence presence = new QueuePresence(clock);
    private BoundedAgiServer server;
    private int port;

    @BeforeEach
    void start() throws IOException {
        replica.offer(Schedules.daily(Line.NATIONAL, 1, LocalDate.of(2026, 11, 1), 61,
                Set.of(LocalDate.of(2026, 12, 24))));
        replica.offer(Schedules.daily(Line.COPENHAGEN_LOCAL, 1, LocalDate.of(2026, 11, 1), 61, Set.of()));
        Router router = new Router(clock, replica, presence, Map.of(
                Line.NATIONAL, new LinePolicy(true, Duration.ofSeconds(120), Site.AARHUS),
                Line.COPENHAGEN_LOCAL, new LinePolicy(false, Duration.ofSeconds(120), Site.COPENHAGEN)));
        IncomingCallScript script = new IncomingCallScript(router,
                Map.of(NATIONAL, Line.NATIONAL, COPENHAGEN_LOCAL, Line.COPENHAGEN_LOCAL), Schedules.CPH);
        port = freePort();
        server = new BoundedAgiServer(script, 8, 64);
        server.setPort(port);
        server.setAddress(InetAddress.getLoopbackAddress());
        server.setSocketReadTimeout(2_000);
        Thread accept = new Thread(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        accept.setDaemon(true);
        accept.start();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return true;
            }
        });
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private AgiAnswer call(String uniqueId, String dialled) {
        return FakeAsterisk.agiCall(port, FakeAsterisk.agiHeaders(uniqueId, dialled, "+4520000001"));
    }

    @Test
    void theWholeAnswerIsOneSetVariableInTheDialplansOrder() {
        AgiAnswer answer = call("1795323805.0", NATIONAL);

        assertThat(answer.commands()).as("one round trip for the answer, one for Asterisk-Java's AJ_AGISTATUS")
                .hasSize(2).first().asString().startsWith("SET VARIABLE \"HOTLINE_ROUTE\" ");
        assertThat(IncomingCallScript.ROUTE_FIELDS).isEqualTo(FakeAsterisk.dialplanRouteFields());
        assertThat(answer.variable("HOTLINE_OVERFLOW_REASON")).isEmpty();
    }

    @Test
    void nationalCallInAarhusMonthIsQueuedInAarhus() {
        AgiAnswer answer = call("1795323805.0", NATIONAL);

        assertThat(answer.variable("HOTLINE_ACTION")).isEqualTo("QUEUE");
        assertThat(answer.variable("HOTLINE_QUEUE")).isEqualTo("hotline-aarhus");
        assertThat(answer.variable("HOTLINE_SITE")).isEqualTo("AARHUS");
        assertThat(answer.variable("HOTLINE_CALL_ID")).isEqualTo("1795323805.0");
        assertThat(answer.variable("HOTLINE_DEGRADED")).isEqualTo("false");
        assertThat(answer.variables().keySet().stream().filter(n -> n.startsWith("HOTLINE_")).reduce((a, b) -> b))
                .as("HOTLINE_ACTION is set last").contains("HOTLINE_ACTION");
    }

    @Test
    void nationalCallInCopenhagenMonthIsQueuedInCopenhagen() {
        clock.set(at("2026-12-02T13:00"));

        AgiAnswer answer = call("1795323806.1", NATIONAL);

        assertThat(answer.variable("HOTLINE_QUEUE")).isEqualTo("hotline-copenhagen");
        assertThat(answer.variable("HOTLINE_SITE")).isEqualTo("COPENHAGEN");
    }

    @Test
    void copenhagenLocalNumberGoesToCopenhagenInAarhusMonth() {
        AgiAnswer answer = call("1795323807.2", COPENHAGEN_LOCAL);

        assertThat(answer.variable("HOTLINE_ACTION")).isEqualTo("QUEUE");
        assertThat(answer.variable("HOTLINE_QUEUE")).isEqualTo("hotline-copenhagen");
    }

    @Test
    void closedHoursAnswerClosedWithTheNextOpeningInLocalTime() {
        clock.set(at("2026-11-23T20:15"));

        AgiAnswer answer = call("1795323808.3", NATIONAL);

        assertThat(answer.variable("HOTLINE_ACTION")).isEqualTo("CLOSED");
        assertThat(answer.variable("HOTLINE_NEXT_OPEN")).isEqualTo("2026-11-24T09:00");
        assertThat(answer.variable("HOTLINE_NEXT_OPEN_EPOCH"))
                .isEqualTo(Long.toString(at("2026-11-24T09:00").getEpochSecond()));
    }

    @Test
    void holidayIsClosed() {
        clock.set(at("2026-12-24T10:00"));

        AgiAnswer answer = call("1795323809.4", NATIONAL);

        assertThat(answer.variable("HOTLINE_ACTION")).isEqualTo("CLOSED");
        assertThat(answer.variable("HOTLINE_SITE")).isEqualTo("COPENHAGEN");
        assertThat(answer.variable("HOTLINE_NEXT_OPEN")).isEqualTo("2026-12-25T09:00");
    }

    @Test
    void noLoggedInAdvisorOverflowsToTheOtherSite() {
        presence.snapshotStarted();
        presence.memberUpdated(new QueuePresence.Member("hotline-aarhus", "PJSIP/advisor-aarhus-1", "A", 5, false, null));
        presence.memberUpdated(new QueuePresence.Member("hotline-copenhagen", "PJSIP/advisor-cph-1", "C", 1, false, null));
        presence.snapshotCompleted();

        AgiAnswer answer = call("1795323810.5", NATIONAL);

        assertThat(answer.variable("HOTLINE_ACTION")).isEqualTo("OVERFLOW");
        assertThat(answer.variable("HOTLINE_QUEUE")).isEqualTo("hotline-copenhagen");
        assertThat(answer.variable("HOTLINE_OVERFLOW_REASON")).isEqualTo("NO_ADVISOR_AVAILABLE");
    }

    @Test
    void longWaitOverflowsToTheOtherSite() {
        presence.snapshotStarted();
        presence.memberUpdated(new QueuePresence.Member("hotline-aarhus", "PJSIP/advisor-aarhus-1", "A", 2, false, null));
        presence.memberUpdated(new QueuePresence.Member("hotline-copenhagen", "PJSIP/advisor-cph-1", "C", 1, false, null));
        presence.callerJoined("hotline-aarhus", "1795323700.1", clock.instant().minusSeconds(300));
        presence.snapshotCompleted();

        AgiAnswer answer = call("1795323811.6", NATIONAL);

        assertThat(answer.variable("HOTLINE_ACTION")).isEqualTo("OVERFLOW");
        assertThat(answer.variable("HOTLINE_OVERFLOW_REASON")).isEqualTo("LONGEST_WAIT_EXCEEDED");
    }

    @Test
    void staleReplicaStillRoutesTheCallDegraded() {
        clock.set(at("2027-02-01T10:00"));

        AgiAnswer answer = call("1795323812.7", NATIONAL);

        assertThat(answer.variable("HOTLINE_ACTION")).isEqualTo("QUEUE");
        assertThat(answer.variable("HOTLINE_DEGRADED")).isEqualTo("true");
        assertThat(answer.variable("HOTLINE_QUEUE")).isNotBlank();
    }

    @Test
    void anUnexpectedRoutingErrorQueuesTheNationalLineAtItsFailSafeSite() {
        clock.breakDown();

        AgiAnswer answer = call("1795323814.9", NATIONAL);

        assertThat(answer.variable("HOTLINE_ACTION")).isEqualTo("QUEUE");
        assertThat(answer.variable("HOTLINE_QUEUE")).isEqualTo("hotline-aarhus");
        assertThat(answer.variable("HOTLINE_SITE")).isEqualTo("AARHUS");
        assertThat(answer.variable("HOTLINE_DEGRADED")).isEqualTo("true");
    }

    @Test
    void anUnexpectedRoutingErrorQueuesCopenhagensOwnLineInCopenhagen() {
        clock.breakDown();

        AgiAnswer answer = call("1795323815.10", COPENHAGEN_LOCAL);

        assertThat(answer.variable("HOTLINE_ACTION")).isEqualTo("QUEUE");
        assertThat(answer.variable("HOTLINE_QUEUE")).isEqualTo("hotline-copenhagen");
        assertThat(answer.variable("HOTLINE_SITE")).isEqualTo("COPENHAGEN");
        assertThat(answer.variable("HOTLINE_DEGRADED")).isEqualTo("true");
    }

    @Test
    void malformedAgiInputIsRejectedAndTheServerKeepsServing() {
        AgiAnswer garbage = FakeAsterisk.agiConversation(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        AgiAnswer binary = FakeAsterisk.agiConversation(port, "\u0000\u0001\u0002\u00ff\n\n\n");
        AgiAnswer truncated = FakeAsterisk.agiConversation(port, "agi_network: yes\nagi_channel: PJSIP/x\n\n");

        for (AgiAnswer rejected : java.util.List.of(garbage, binary, truncated)) {
            assertThat(rejected.variables().keySet()).noneMatch(name -> name.startsWith("HOTLINE_"));
        }
        assertThat(call("1795323813.8", NATIONAL).variable("HOTLINE_ACTION")).isEqualTo("QUEUE");
    }
}
