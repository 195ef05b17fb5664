package dk.hotline.telephony.call.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.telephony.testsupport.MutableClock;
import dk.hotline.telephony.testsupport.Transcript;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state machine on the real AMI streams recorded from Asterisk 20. */
class CallTrackerTranscriptTest {

    private static final Instant START = Instant.parse("2026-11-22T05:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final CallerHasher hasher = new CallerHasher("transcript-test-secret");
    private final CallTracker tracker = new CallTracker(clock, hasher);

    private List<CallLifecycleEvent> replay(Transcript transcript) {
        List<CallLifecycleEvent> out = new ArrayList<>();
        boolean inResync = false;
        for (Transcript.Block b : transcript.blocks()) {
            clock.set(START.plus(Duration.ofMillis(Math.round(b.session() * 100_000 + b.mono() * 1000))));
            if (b.isBanner()) {
                continue;
            }
            if ("Channels will follow".equals(b.get("Message"))) {
                out.addAll(tracker.apply(new CallSignal.ResyncStarted()));
                inResync = true;
                continue;
            }
            if (b.isEvent("CoreShowChannelsComplete")) {
                out.addAll(tracker.apply(new CallSignal.ResyncCompleted()));
                inResync = false;
                continue;
            }
            if (b.isEvent("CoreShowChannel") && !inResync) {
                continue;
            }
            TranscriptSignals.of(b).ifPresent(signal -> out.addAll(tracker.apply(signal)));
        }
        return out;
    }

    private static List<CallState> states(List<CallLifecycleEvent> events) {
        return events.stream().map(CallLifecycleEvent::state).toList();
    }

    @Test
    void answeredNationalCallGoesOfferedQueuedConnectedEndedByTheCaller() {
        List<CallLifecycleEvent> events = replay(Transcript.load("T1-answered-caller-hangup.txt"));

        assertThat(states(events)).containsExactly(CallState.OFFERED, CallState.QUEUED, CallState.CONNECTED,
                CallState.ENDED);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.callId()).isEqualTo("1795323805.0");
            assertThat(e.line()).isEqualTo("NATIONAL");
            assertThat(e.callerHash()).isEqualTo(hasher.hash("+4520000001"));
        });
        CallLifecycleEvent connected = events.get(2);
        assertThat(connected.advisorEndpoint()).isEqualTo("advisor-aarhus-1");
        assertThat(connected.site()).isEqualTo("AARHUS");
        assertThat(connected.queue()).isEqualTo("hotline-aarhus");
        assertThat(connected.waitSeconds()).isEqualTo(2);
        CallLifecycleEvent ended = events.get(3);
        assertThat(ended.talkSeconds()).isEqualTo(5);
        assertThat(ended.endReason()).isEqualTo(EndReason.CALLER_HANGUP);
        assertThat(ended.routing().action()).isEqualTo("QUEUE");
        assertThat(tracker.callsInProgress()).isZero();
    }

    @Test
    void blindTransferToTheOtherSitesQueueIsConnectedAgainThereNotEnded() {
        // Recorded by RealPbxIT: advisor-aarhus-1 answers, the adapter's BlindTransfer to SITE-COPENHAGEN,
        // AgentComplete Reason: transfer, the caller queued in Copenhagen, advisor-cph-1 answers, the caller hangs up.
        List<CallLifecycleEvent> events = replay(Transcript.load("T10-blind-transfer-to-site.txt"));

        assertThat(states(events)).containsExactly(CallState.OFFERED, CallState.QUEUED, CallState.CONNECTED,
                CallState.CONNECTED, CallState.ENDED);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.callId()).isEqualTo("1796671399.0");
            assertThat(e.callerHash()).isEqualTo(hasher.hash("+4520000010"));
        });
        CallLifecycleEvent first = events.get(2);
        assertThat(first.advisorEndpoint()).isEqualTo("advisor-aarhus-1");
        assertThat(first.transferredFrom()).isNull();
        assertThat(first.eventId()).isEqualTo("1796671399.0/CONNECTED");
        CallLifecycleEvent again = events.get(3);
        assertThat(again.advisorEndpoint()).isEqualTo("advisor-cph-1");
        assertThat(again.transferredFrom()).isEqualTo("advisor-aarhus-1");
        assertThat(again.site()).isEqualTo("COPENHAGEN");
        assertThat(again.queue()).isEqualTo("hotline-copenhagen");
        assertThat(again.waitSeconds()).isEqualTo(1);
        assertThat(again.eventId()).isEqualTo("1796671399.0/CONNECTED/2");
        CallLifecycleEvent ended = events.get(4);
        assertThat(ended.advisorEndpoint()).isEqualTo("advisor-cph-1");
        assertThat(ended.endReason()).isEqualTo(EndReason.CALLER_HANGUP);
        // AgentComplete's TalkTime of each leg: 0 s with aarhus-1 (the transfer came at once), 17 s with cph-1.
        assertThat(ended.talkSeconds()).isEqualTo(17);
        assertThat(tracker.callsInProgress()).isZero();
    }

    @Test
    void blindTransferToAColleagueIsConnectedAgainWhenTheirPhoneAnswersTheDial() {
        // Recorded by RealPbxIT: the BlindTransfer to advisor-aarhus-2, [hotline-transfer]'s Dial answered by their
        // phone (DialEnd ANSWER on the caller's channel), the caller hangs up.
        Transcript transcript = Transcript.load("T11-blind-transfer-to-colleague.txt");
        List<CallLifecycleEvent> events = replay(transcript);

        assertThat(states(events)).containsExactly(CallState.OFFERED, CallState.QUEUED, CallState.CONNECTED,
                CallState.CONNECTED, CallState.ENDED);
        CallLifecycleEvent again = events.get(3);
        assertThat(again.advisorEndpoint()).isEqualTo("advisor-aarhus-2");
        assertThat(again.transferredFrom()).isEqualTo("advisor-aarhus-1");
        assertThat(again.site()).isEqualTo("AARHUS");
        assertThat(again.eventId()).isEqualTo("1796671452.3/CONNECTED/2");
        CallLifecycleEvent ended = events.get(4);
        assertThat(ended.advisorEndpoint()).isEqualTo("advisor-aarhus-2");
        assertThat(ended.endReason()).isEqualTo(EndReason.CALLER_HANGUP);
        // 1 s with aarhus-1 (its TalkTime), then from aarhus-2's answer to the caller's hang-up.
        double answered = transcript.blocks().stream().filter(b -> b.isEvent("DialEnd")
                && "ANSWER".equals(b.get("DialStatus")) && b.get("DestChannel").startsWith("PJSIP/advisor-aarhus-2"))
                .findFirst().orElseThrow().mono();
        double hungUp = transcript.blocks().stream().filter(b -> b.isEvent("Hangup")
                && "1796671452.3".equals(b.get("Uniqueid"))).findFirst().orElseThrow().mono();
        long colleagueLeg = Duration.ofMillis(Math.round(hungUp * 1000) - Math.round(answered * 1000)).toSeconds();
        assertThat(colleagueLeg).isGreaterThan(10);
        assertThat(ended.talkSeconds()).isEqualTo(1 + colleagueLeg);
        assertThat(tracker.callsInProgress()).isZero();
    }

    @Test
    void callerHangingUpInAQueueWithoutAdvisorIsAbandonedWithItsWait() {
        List<CallLifecycleEvent> events = replay(Transcript.load("T3-abandoned-no-advisor.txt"));

        assertThat(states(events)).containsExactly(CallState.OFFERED, CallState.QUEUED, CallState.ABANDONED);
        CallLifecycleEvent abandoned = events.get(2);
        assertThat(abandoned.waitSeconds()).isEqualTo(5);
        assertThat(abandoned.endReason()).isEqualTo(EndReason.CALLER_HANGUP);
        assertThat(abandoned.advisorEndpoint()).isNull();
        assertThat(tracker.callsInProgress()).isZero();
    }

    @Test
    void copenhagenLocalCallIsAnsweredInCopenhagen() {
        List<CallLifecycleEvent> events = replay(Transcript.load("T5-copenhagen-answered.txt"));

        assertThat(states(events)).containsExactly(CallState.OFFERED, CallState.QUEUED, CallState.CONNECTED,
                CallState.ENDED);
        assertThat(events).allSatisfy(e -> assertThat(e.line()).isEqualTo("COPENHAGEN_LOCAL"));
        assertThat(events.get(2).advisorEndpoint()).isEqualTo("advisor-cph-1");
        assertThat(events.get(2).site()).isEqualTo("COPENHAGEN");
        assertThat(events.get(3).endReason()).isEqualTo(EndReason.CALLER_HANGUP);
    }

    @Test
    void callWhileClosedIsOfferedThenClosed() {
        List<CallLifecycleEvent> events = replay(Transcript.load("T6-closed.txt"));

        assertThat(states(events)).containsExactly(CallState.OFFERED, CallState.CLOSED);
        assertThat(events.get(1).routing().action()).isEqualTo("CLOSED");
        assertThat(events.get(1).endReason()).isNull();
    }

    @Test
    void callStillRingingAtReconnectSurvivesTheResyncAndEndsNormally() {
        List<CallLifecycleEvent> events = replay(Transcript.load("T7-ami-reconnect.txt"));

        assertThat(states(events)).containsExactly(CallState.OFFERED, CallState.QUEUED, CallState.CONNECTED,
                CallState.ENDED);
        assertThat(events.get(3).endReason()).isEqualTo(EndReason.CALLER_HANGUP);
        assertThat(events.get(2).advisorEndpoint()).isEqualTo("advisor-aarhus-1");
    }

    @Test
    void queueMemberChangesWithoutCallsProduceNoCallEvents() {
        List<CallLifecycleEvent> events = replay(Transcript.load("T9-dynamic-member-ami.txt"));

        assertThat(events).isEmpty();
        assertThat(tracker.callsInProgress()).isZero();
    }

    @Test
    void callThatEndedDuringTheOutageIsClosedAtResync() {
        Transcript t7 = Transcript.load("T7-ami-reconnect.txt");
        List<CallLifecycleEvent> events = new ArrayList<>();
        for (Transcript.Block b : t7.unsolicitedEvents(1)) {
            TranscriptSignals.of(b).ifPresent(s -> events.addAll(tracker.apply(s)));
        }
        assertThat(states(events)).containsExactly(CallState.OFFERED, CallState.QUEUED);

        clock.advance(Duration.ofSeconds(30));
        events.addAll(tracker.apply(new CallSignal.ResyncStarted()));
        events.addAll(tracker.apply(new CallSignal.ResyncCompleted()));

        assertThat(states(events)).containsExactly(CallState.OFFERED, CallState.QUEUED, CallState.ABANDONED);
        assertThat(events.get(2).endReason()).isEqualTo(EndReason.ENDED_DURING_OUTAGE);
        assertThat(tracker.callsInProgress()).isZero();
    }
}
