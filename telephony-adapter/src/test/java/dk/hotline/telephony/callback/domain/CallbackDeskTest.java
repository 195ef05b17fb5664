package dk.hotline.telephony.callback.domain;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.telephony.routing.domain.OverflowReason;
import dk.hotline.telephony.routing.domain.QueuePresence;
import dk.hotline.telephony.routing.domain.RouteAction;
import dk.hotline.telephony.routing.domain.RoutingDecision;
import dk.hotline.telephony.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who gets the next callback, and what the AMI signals make of the callbacks placed. */
class CallbackDeskTest {

    private static final String AARHUS = "hotline-aarhus";
    private static final RoutingDecision OPEN_AARHUS = new RoutingDecision(Line.NATIONAL, RouteAction.QUEUE, Site.AARHUS, false, null, null);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final QueuePresence presence = new QueuePresence(clock);
    private final CallbackDesk desk = new CallbackDesk(clock, presence, Duration.ofMinutes(10));

    @BeforeEach
    void snapshot() {
        presence.snapshotStarted();
        presence.snapshotCompleted();
    }

    private void member(String endpoint, int deviceStatus, boolean paused) {
        presence.memberUpdated(new QueuePresence.Member(AARHUS, "PJSIP/" + endpoint, endpoint, deviceStatus, paused,
                paused ? "BREAK" : null));
    }

    @Test
    void aSignedInUnpausedIdleAdvisorOfTheSiteOnDutyGetsIt() {
        member("advisor-aarhus-2", 1, false);
        member("advisor-aarhus-1", 2, false);   // on a call
        member("advisor-aarhus-3", 1, true);    // paused
        member("advisor-aarhus-4", 5, false);   // unavailable
        assertThat(desk.target(OPEN_AARHUS)).contains(new CallbackDesk.Target(AARHUS, "PJSIP/advisor-aarhus-2"));
    }

    @Test
    void nobodyWhileCallersWaitTheLineIsClosedDegradedOrOverflowingOrPresenceIsUnknown() {
        member("advisor-aarhus-1", 1, false);
        assertThat(desk.target(new RoutingDecision(Line.NATIONAL, RouteAction.CLOSED, Site.AARHUS, false, null, null))).isEmpty();
        assertThat(desk.target(new RoutingDecision(Line.NATIONAL, RouteAction.QUEUE, Site.AARHUS, true, null, null))).isEmpty();
        assertThat(desk.target(new RoutingDecision(Line.NATIONAL, RouteAction.OVERFLOW, Site.COPENHAGEN, false,
                OverflowReason.NO_ADVISOR_AVAILABLE, null))).isEmpty();
        presence.callerJoined(AARHUS, "1765100000.7", clock.instant());
        assertThat(desk.target(OPEN_AARHUS)).isEmpty();
        presence.callerLeft(AARHUS, "1765100000.7");
        assertThat(desk.target(OPEN_AARHUS)).isPresent();
        presence.connectionLost();
        assertThat(desk.target(OPEN_AARHUS)).isEmpty();
    }

    @Test
    void oneCallbackAtATimeAndNotToAPhoneAlreadyRingingForOne() {
        member("advisor-aarhus-1", 1, false);
        desk.placed("cb-1", "PJSIP/advisor-aarhus-1");
        assertThat(desk.busy()).isTrue();
        assertThat(desk.target(OPEN_AARHUS)).isEmpty();
        member("advisor-aarhus-2", 1, false);
        assertThat(desk.target(OPEN_AARHUS)).contains(new CallbackDesk.Target(AARHUS, "PJSIP/advisor-aarhus-2"));
    }

    @Test
    void signalsBecomeOutcomesAndAnotherAdaptersAreIgnored() {
        desk.placed("cb-made", "PJSIP/advisor-aarhus-1");
        desk.placed("cb-no-answer", "PJSIP/advisor-aarhus-2");
        desk.placed("cb-advisor", "PJSIP/advisor-aarhus-3");
        desk.signal(new CallbackSignal.CallerDialled("cb-made", "ANSWER"));
        desk.signal(new CallbackSignal.CallerDialled("cb-no-answer", "NOANSWER"));
        desk.signal(new CallbackSignal.AdvisorNotReached("cb-advisor"));
        desk.signal(new CallbackSignal.CallerDialled("someone-elses", "ANSWER"));
        List<String> forgotten = new ArrayList<>();
        assertThat(desk.drainOutcomes(forgotten)).containsExactly(
                new CallbackDesk.Outcome("cb-made", CallbackDesk.Result.MADE),
                new CallbackDesk.Outcome("cb-no-answer", CallbackDesk.Result.CALLER_NOT_REACHED),
                new CallbackDesk.Outcome("cb-advisor", CallbackDesk.Result.ADVISOR_NOT_REACHED));
        assertThat(forgotten).isEmpty();
        assertThat(desk.busy()).isFalse();
        // A second signal for the same callback (the other adapter's AMI saw it too) changes nothing.
        desk.signal(new CallbackSignal.CallerDialled("cb-made", "ANSWER"));
        assertThat(desk.drainOutcomes(forgotten)).isEmpty();
    }

    @Test
    void aCallbackWithoutAnyOutcomeIsForgottenWithoutOneNeverRetried() {
        desk.placed("cb-lost", "PJSIP/advisor-aarhus-1");
        clock.advance(Duration.ofMinutes(11));
        List<String> forgotten = new ArrayList<>();
        assertThat(desk.drainOutcomes(forgotten)).isEmpty();
        assertThat(forgotten).containsExactly("cb-lost");
        assertThat(desk.busy()).isFalse();
    }

    @Test
    void numbersThatCannotBeCalledBack() {
        assertThat(dk.hotline.telephony.routing.domain.CallbackNumbers.callable("+4520313131")).isTrue();
        assertThat(dk.hotline.telephony.routing.domain.CallbackNumbers.callable("20313131")).isTrue();
        for (String withheld : new String[] {null, "", "anonymous", "<unknown>", "unknown", "20 31", "12"}) {
            assertThat(dk.hotline.telephony.routing.domain.CallbackNumbers.callable(withheld)).as(withheld).isFalse();
        }
    }
}
