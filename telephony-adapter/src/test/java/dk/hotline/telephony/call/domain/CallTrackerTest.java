package dk.hotline.telephony.call.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.telephony.call.domain.CallSignal.AgentCompleted;
import dk.hotline.telephony.call.domain.CallSignal.AgentConnected;
import dk.hotline.telephony.call.domain.CallSignal.ChannelCreated;
import dk.hotline.telephony.call.domain.CallSignal.ChannelHungUp;
import dk.hotline.telephony.call.domain.CallSignal.ChannelSnapshot;
import dk.hotline.telephony.call.domain.CallSignal.QueueAbandoned;
import dk.hotline.telephony.call.domain.CallSignal.QueueJoined;
import dk.hotline.telephony.call.domain.CallSignal.ResyncCompleted;
import dk.hotline.telephony.call.domain.CallSignal.ResyncStarted;
import dk.hotline.telephony.call.domain.CallSignal.VariableSet;
import dk.hotline.telephony.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state machine on synthetic sequences the recordings do not cover. */
class CallTrackerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final CallTracker tracker = new CallTracker(clock, new CallerHasher("synthetic-test-secret"));
    private final List<CallLifecycleEvent> events = new ArrayList<>();

    private void apply(CallSignal... signals) {
        for (CallSignal s : signals) {
            events.addAll(tracker.apply(s));
        }
    }

    private void routedCall(String id, String number, String line, String action, String queue) {
        apply(new ChannelCreated(id, id, "PJSIP/telco-" + id, number),
                new VariableSet(id, id, "HOTLINE_LINE", line),
                new VariableSet(id, id, "HOTLINE_QUEUE", queue),
                new VariableSet(id, id, "HOTLINE_SITE", queue.endsWith("aarhus") ? "AARHUS" : "COPENHAGEN"),
                new VariableSet(id, id, "HOTLINE_ACTION", action));
    }

    private List<CallState> statesOf(String callId) {
        return events.stream().filter(e -> e.callId().equals(callId)).map(CallLifecycleEvent::state).toList();
    }

    private CallLifecycleEvent last(String callId) {
        return events.stream().filter(e -> e.callId().equals(callId)).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void theDialplansClearedActionBeforeTheAgiIsNotTheRoutingAnswer() {
        apply(new ChannelCreated("5.1", "5.1", "PJSIP/telco-00000001", "+4520000001"),
                new VariableSet("5.1", "5.1", "HOTLINE_LINE", "NATIONAL"),
                new VariableSet("5.1", "5.1", "HOTLINE_ACTION", ""));

        assertThat(events).isEmpty();

        apply(new VariableSet("5.1", "5.1", "HOTLINE_CALL_ID", "5.1"),
                new VariableSet("5.1", "5.1", "HOTLINE_SITE", "AARHUS"),
                new VariableSet("5.1", "5.1", "HOTLINE_QUEUE", "hotline-aarhus"),
                new VariableSet("5.1", "5.1", "HOTLINE_DEGRADED", "false"),
                new VariableSet("5.1", "5.1", "HOTLINE_ACTION", "QUEUE"));

        assertThat(statesOf("5.1")).containsExactly(CallState.OFFERED);
        CallLifecycleEvent offered = last("5.1");
        assertThat(offered.routing().action()).isEqualTo("QUEUE");
        assertThat(offered.site()).isEqualTo("AARHUS");
        assertThat(offered.queue()).isEqualTo("hotline-aarhus");
    }

    @Test
    void theDialplansOwnFallbackIsOfferedAtTheSiteOfItsQueue() {
        apply(new ChannelCreated("6.1", "6.1", "PJSIP/telco-00000002", "+4520000002"),
                new VariableSet("6.1", "6.1", "HOTLINE_LINE", "COPENHAGEN_LOCAL"),
                new VariableSet("6.1", "6.1", "HOTLINE_ACTION", ""),
                new VariableSet("6.1", "6.1", "HOTLINE_QUEUE", "hotline-copenhagen"),
                new VariableSet("6.1", "6.1", "HOTLINE_DEGRADED", "true"),
                new VariableSet("6.1", "6.1", "HOTLINE_ACTION", "QUEUE"));

        CallLifecycleEvent offered = last("6.1");
        assertThat(offered.state()).isEqualTo(CallState.OFFERED);
        assertThat(offered.site()).isEqualTo("COPENHAGEN");
        assertThat(offered.routing().degraded()).isTrue();
    }

    @Test
    void advisorTransferEndsTheCallAsTransferred() {
        routedCall("10.1", "+4511111111", "NATIONAL", "QUEUE", "hotline-aarhus");
        apply(new QueueJoined("10.1", "10.1", "hotline-aarhus"),
                new AgentConnected("10.1", "hotline-aarhus", "PJSIP/advisor-aarhus-1", 3));
        clock.advance(Duration.ofSeconds(40));
        apply(new AgentCompleted("10.1", "hotline-aarhus", "PJSIP/advisor-aarhus-1", 3, 40, "transfer"),
                new ChannelHungUp("11.2", "10.1"));
        clock.advance(Duration.ofSeconds(60));
        apply(new ChannelHungUp("10.1", "10.1"));

        assertThat(statesOf("10.1")).containsExactly(CallState.OFFERED, CallState.QUEUED, CallState.CONNECTED,
                CallState.ENDED);
        assertThat(last("10.1").endReason()).isEqualTo(EndReason.TRANSFERRED);
        assertThat(last("10.1").talkSeconds()).isEqualTo(40);
    }

    @Test
    void advisorHangingUpEndsTheCallByTheAdvisor() {
        routedCall("12.1", "+4511111111", "NATIONAL", "QUEUE", "hotline-aarhus");
        apply(new QueueJoined("12.1", "12.1", "hotline-aarhus"),
                new AgentConnected("12.1", "hotline-aarhus", "PJSIP/advisor-aarhus-1", 1),
                new AgentCompleted("12.1", "hotline-aarhus", "PJSIP/advisor-aarhus-1", 1, 12, "agent"));

        assertThat(last("12.1").endReason()).isEqualTo(EndReason.ADVISOR_HANGUP);
    }

    @Test
    void ringNoAnswerKeepsTheCallQueuedUntilAnAdvisorAnswers() {
        routedCall("20.1", "+4522222222", "NATIONAL", "QUEUE", "hotline-aarhus");
        apply(new QueueJoined("20.1", "20.1", "hotline-aarhus"),
                new ChannelCreated("21.2", "20.1", "PJSIP/advisor-aarhus-1-00000002", "<unknown>"),
                new ChannelHungUp("21.2", "20.1"));
        clock.advance(Duration.ofSeconds(17));
        apply(new ChannelCreated("22.3", "20.1", "PJSIP/advisor-aarhus-2-00000003", "<unknown>"),
                new AgentConnected("20.1", "hotline-aarhus", "PJSIP/advisor-aarhus-2", 17));

        assertThat(statesOf("20.1")).containsExactly(CallState.OFFERED, CallState.QUEUED, CallState.CONNECTED);
        assertThat(last("20.1").advisorEndpoint()).isEqualTo("advisor-aarhus-2");
        assertThat(last("20.1").waitSeconds()).isEqualTo(17);
    }

    @Test
    void twoCallsAtOnceAreFollowedApart() {
        routedCall("30.1", "+4533333333", "NATIONAL", "QUEUE", "hotline-aarhus");
        routedCall("31.2", "+4544444444", "COPENHAGEN_LOCAL", "QUEUE", "hotline-copenhagen");
        apply(new QueueJoined("30.1", "30.1", "hotline-aarhus"),
                new QueueJoined("31.2", "31.2", "hotline-copenhagen"),
                new AgentConnected("31.2", "hotline-copenhagen", "PJSIP/advisor-cph-1", 2),
                new QueueAbandoned("30.1", "30.1", "hotline-aarhus", 9),
                new ChannelHungUp("30.1", "30.1"),
                new AgentCompleted("31.2", "hotline-copenhagen", "PJSIP/advisor-cph-1", 2, 30, "caller"),
                new ChannelHungUp("31.2", "31.2"));

        assertThat(statesOf("30.1")).containsExactly(CallState.OFFERED, CallState.QUEUED, CallState.ABANDONED);
        assertThat(statesOf("31.2")).containsExactly(CallState.OFFERED, CallState.QUEUED, CallState.CONNECTED,
                CallState.ENDED);
        assertThat(last("30.1").callerHash()).isNotEqualTo(last("31.2").callerHash());
        assertThat(tracker.callsInProgress()).isZero();
    }

    @Test
    void withheldNumberHasNoHash() {
        routedCall("40.1", "<unknown>", "NATIONAL", "QUEUE", "hotline-aarhus");
        routedCall("41.1", "anonymous", "NATIONAL", "QUEUE", "hotline-aarhus");

        assertThat(events).allSatisfy(e -> assertThat(e.callerHash()).isNull());
    }

    @Test
    void channelsThatNeverBecomeHotlineCallsAreNotFollowed() {
        apply(new ChannelCreated("50.1", "50.1", "PJSIP/advisor-aarhus-1-0000009", "advisor-aarhus-1"),
                new ChannelHungUp("50.1", "50.1"));

        assertThat(events).isEmpty();
        assertThat(tracker.callsInProgress()).isZero();
    }

    @Test
    void failedRoutingAnswerStillGivesAnOfferAndAnEnd() {
        apply(new ChannelCreated("60.1", "60.1", "PJSIP/telco-60", "+4566666666"),
                new VariableSet("60.1", "60.1", "HOTLINE_LINE", "NATIONAL"),
                new ChannelHungUp("60.1", "60.1"));

        assertThat(statesOf("60.1")).containsExactly(CallState.OFFERED, CallState.ABANDONED);
        assertThat(last("60.1").routing()).isNull();
        assertThat(last("60.1").endReason()).isEqualTo(EndReason.OTHER);
    }

    @Test
    void connectedCallThatEndedDuringTheOutageIsEndedWithTheOutageMark() {
        routedCall("70.1", "+4577777777", "NATIONAL", "QUEUE", "hotline-aarhus");
        apply(new QueueJoined("70.1", "70.1", "hotline-aarhus"),
                new AgentConnected("70.1", "hotline-aarhus", "PJSIP/advisor-aarhus-1", 2));
        clock.advance(Duration.ofSeconds(90));
        apply(new ResyncStarted(), new ResyncCompleted());

        assertThat(last("70.1").state()).isEqualTo(CallState.ENDED);
        assertThat(last("70.1").endReason()).isEqualTo(EndReason.ENDED_DURING_OUTAGE);
        assertThat(last("70.1").talkSeconds()).isEqualTo(90);
    }

    @Test
    void queuedCallAnsweredDuringTheOutageIsConnectedFromTheSnapshot() {
        routedCall("80.1", "+4588888888", "NATIONAL", "QUEUE", "hotline-aarhus");
        apply(new QueueJoined("80.1", "80.1", "hotline-aarhus"));
        clock.advance(Duration.ofSeconds(8));
        apply(new ResyncStarted(),
                new ChannelSnapshot("80.1", "80.1", "PJSIP/telco-00000050", "Queue", "bridge-1"),
                new ChannelSnapshot("81.2", "80.1", "PJSIP/advisor-aarhus-1-00000051", "AppQueue", "bridge-1"),
                new ResyncCompleted());

        assertThat(statesOf("80.1")).containsExactly(CallState.OFFERED, CallState.QUEUED, CallState.CONNECTED);
        assertThat(last("80.1").advisorEndpoint()).isEqualTo("advisor-aarhus-1");
        assertThat(last("80.1").waitSeconds()).isEqualTo(8);
    }

    @Test
    void callStillLiveAtResyncIsKept() {
        routedCall("90.1", "+4599999999", "NATIONAL", "QUEUE", "hotline-aarhus");
        apply(new QueueJoined("90.1", "90.1", "hotline-aarhus"),
                new ResyncStarted(),
                new ChannelSnapshot("90.1", "90.1", "PJSIP/telco-00000060", "Queue", ""),
                new ResyncCompleted());

        assertThat(statesOf("90.1")).containsExactly(CallState.OFFERED, CallState.QUEUED);
        assertThat(tracker.callsInProgress()).isEqualTo(1);
    }

    @Test
    void callThatStartsWhileTheSnapshotIsTakenIsNotClosed() {
        apply(new ResyncStarted());
        routedCall("95.1", "+4590000000", "NATIONAL", "QUEUE", "hotline-aarhus");
        apply(new ResyncCompleted());

        assertThat(statesOf("95.1")).containsExactly(CallState.OFFERED);
        assertThat(tracker.callsInProgress()).isEqualTo(1);
    }

    @Test
    void redeliveredAsteriskEventsDoNotRepeatStates() {
        routedCall("99.1", "+4591111111", "NATIONAL", "QUEUE", "hotline-aarhus");
        apply(new QueueJoined("99.1", "99.1", "hotline-aarhus"),
                new QueueJoined("99.1", "99.1", "hotline-aarhus"),
                new VariableSet("99.1", "99.1", "HOTLINE_ACTION", "QUEUE"));

        assertThat(statesOf("99.1")).containsExactly(CallState.OFFERED, CallState.QUEUED);
    }
}
