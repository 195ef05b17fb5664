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

    /** A call answered by advisor-aarhus-1 on channel PJSIP/advisor-aarhus-1-0001 after 3 s in Aarhus' queue. */
    private void connectedCall(String id) {
        routedCall(id, "+4511111111", "NATIONAL", "QUEUE", "hotline-aarhus");
        apply(new QueueJoined(id, id, "hotline-aarhus"),
                new AgentConnected(id, "hotline-aarhus", "PJSIP/advisor-aarhus-1", 3, "PJSIP/advisor-aarhus-1-0001"));
    }

    private List<CallLifecycleEvent> eventsOf(String callId) {
        return events.stream().filter(e -> e.callId().equals(callId)).toList();
    }

    @Test
    void aTransferIsNotTheEndTheNextAdvisorIsConnectedAgainTransferredFromTheFirst() {
        connectedCall("10.1");
        assertThat(tracker.advisorChannelOf("10.1")).contains("PJSIP/advisor-aarhus-1-0001");
        clock.advance(Duration.ofSeconds(40));
        apply(new AgentCompleted("10.1", "hotline-aarhus", "PJSIP/advisor-aarhus-1", 3, 40, "transfer"),
                new ChannelHungUp("11.2", "10.1"),
                new VariableSet("10.1", "10.1", "HOTLINE_TRANSFER", "SITE"),
                new VariableSet("10.1", "10.1", "HOTLINE_QUEUE", "hotline-copenhagen"),
                new QueueJoined("10.1", "10.1", "hotline-copenhagen"));

        assertThat(statesOf("10.1")).containsExactly(CallState.OFFERED, CallState.QUEUED, CallState.CONNECTED);
        assertThat(tracker.isInProgress("10.1")).isTrue();
        assertThat(tracker.advisorChannelOf("10.1")).as("being handed on: not transferable again").isEmpty();

        clock.advance(Duration.ofSeconds(8));
        apply(new AgentConnected("10.1", "hotline-copenhagen", "PJSIP/advisor-cph-1", 8, "PJSIP/advisor-cph-1-0002"));
        CallLifecycleEvent again = last("10.1");
        assertThat(again.state()).isEqualTo(CallState.CONNECTED);
        assertThat(again.advisorEndpoint()).isEqualTo("advisor-cph-1");
        assertThat(again.transferredFrom()).isEqualTo("advisor-aarhus-1");
        assertThat(again.site()).isEqualTo("COPENHAGEN");
        assertThat(again.queue()).isEqualTo("hotline-copenhagen");
        assertThat(again.waitSeconds()).isEqualTo(8);
        assertThat(again.eventId()).isEqualTo("10.1/CONNECTED/2");
        assertThat(eventsOf("10.1").get(2).eventId()).isEqualTo("10.1/CONNECTED");
        assertThat(eventsOf("10.1").get(2).transferredFrom()).isNull();
        assertThat(tracker.advisorChannelOf("10.1")).contains("PJSIP/advisor-cph-1-0002");

        clock.advance(Duration.ofSeconds(30));
        apply(new AgentCompleted("10.1", "hotline-copenhagen", "PJSIP/advisor-cph-1", 8, 30, "caller"));

        CallLifecycleEvent ended = last("10.1");
        assertThat(ended.state()).isEqualTo(CallState.ENDED);
        assertThat(ended.endReason()).isEqualTo(EndReason.CALLER_HANGUP);
        assertThat(ended.advisorEndpoint()).as("the last advisor who answered").isEqualTo("advisor-cph-1");
        assertThat(ended.talkSeconds()).as("both legs' talk, not the wait between").isEqualTo(70);
        assertThat(ended.transferredFrom()).isNull();
        assertThat(ended.eventId()).isEqualTo("10.1/ENDED");
    }

    @Test
    void aColleaguesAnsweredDialConnectsTheCallAgainAndTheirHangUpEndsIt() {
        connectedCall("12.1");
        clock.advance(Duration.ofSeconds(20));
        apply(new AgentCompleted("12.1", "hotline-aarhus", "PJSIP/advisor-aarhus-1", 3, 20, "transfer"),
                new VariableSet("12.1", "12.1", "HOTLINE_TRANSFER", "COLLEAGUE"));
        clock.advance(Duration.ofSeconds(4));
        // A queue's ring of the caller channel's members is a Dial too: only the transfer's counts.
        apply(new CallSignal.DialAnswered("12.1", "12.1", "PJSIP/advisor-aarhus-2-0003"));

        CallLifecycleEvent again = last("12.1");
        assertThat(again.state()).isEqualTo(CallState.CONNECTED);
        assertThat(again.advisorEndpoint()).isEqualTo("advisor-aarhus-2");
        assertThat(again.transferredFrom()).isEqualTo("advisor-aarhus-1");
        assertThat(again.waitSeconds()).isEqualTo(4);
        assertThat(again.eventId()).isEqualTo("12.1/CONNECTED/2");
        assertThat(tracker.advisorChannelOf("12.1")).contains("PJSIP/advisor-aarhus-2-0003");

        clock.advance(Duration.ofSeconds(10));
        apply(new VariableSet("12.1", "12.1", "HOTLINE_HANGUP_BY", "ADVISOR"), new ChannelHungUp("12.1", "12.1"));
        CallLifecycleEvent ended = last("12.1");
        assertThat(ended.state()).isEqualTo(CallState.ENDED);
        assertThat(ended.endReason()).isEqualTo(EndReason.ADVISOR_HANGUP);
        assertThat(ended.advisorEndpoint()).isEqualTo("advisor-aarhus-2");
        assertThat(ended.talkSeconds()).isEqualTo(30);
    }

    @Test
    void aColleagueHandsTheCallOnAgainItIsTheThirdConnection() {
        connectedCall("13.1");
        apply(new AgentCompleted("13.1", "hotline-aarhus", "PJSIP/advisor-aarhus-1", 3, 5, "transfer"),
                new VariableSet("13.1", "13.1", "HOTLINE_TRANSFER", "COLLEAGUE"),
                new CallSignal.DialAnswered("13.1", "13.1", "PJSIP/advisor-aarhus-2-0003"));
        clock.advance(Duration.ofSeconds(15));
        // A Dial leg has no AgentComplete: the next transfer's HOTLINE_TRANSFER closes it.
        apply(new VariableSet("13.1", "13.1", "HOTLINE_TRANSFER", "SITE"));
        clock.advance(Duration.ofSeconds(2));
        apply(new AgentConnected("13.1", "hotline-copenhagen", "PJSIP/advisor-cph-1", 2, "PJSIP/advisor-cph-1-0004"));

        CallLifecycleEvent third = last("13.1");
        assertThat(third.eventId()).isEqualTo("13.1/CONNECTED/3");
        assertThat(third.transferredFrom()).isEqualTo("advisor-aarhus-2");
        clock.advance(Duration.ofSeconds(10));
        apply(new AgentCompleted("13.1", "hotline-copenhagen", "PJSIP/advisor-cph-1", 2, 10, "agent"));
        assertThat(last("13.1").talkSeconds()).isEqualTo(5 + 15 + 10);
        assertThat(last("13.1").endReason()).isEqualTo(EndReason.ADVISOR_HANGUP);
    }

    @Test
    void aTransferNobodyAnswersEndsWhenTheCallerHangsUpWithTheFirstAdvisorsTalk() {
        connectedCall("14.1");
        clock.advance(Duration.ofSeconds(25));
        apply(new AgentCompleted("14.1", "hotline-aarhus", "PJSIP/advisor-aarhus-1", 3, 25, "transfer"),
                new VariableSet("14.1", "14.1", "HOTLINE_TRANSFER", "SITE"),
                new QueueJoined("14.1", "14.1", "hotline-copenhagen"));
        clock.advance(Duration.ofSeconds(50));
        apply(new QueueAbandoned("14.1", "14.1", "hotline-copenhagen", 50), new ChannelHungUp("14.1", "14.1"));

        assertThat(statesOf("14.1")).containsExactly(CallState.OFFERED, CallState.QUEUED, CallState.CONNECTED,
                CallState.ENDED);
        CallLifecycleEvent ended = last("14.1");
        assertThat(ended.endReason()).isEqualTo(EndReason.CALLER_HANGUP);
        assertThat(ended.advisorEndpoint()).as("nobody took over: the advisor who handed it on").isEqualTo("advisor-aarhus-1");
        assertThat(ended.talkSeconds()).isEqualTo(25);
        assertThat(tracker.isInProgress("14.1")).isFalse();
    }

    @Test
    void theCoordinationUnitAnsweringEndsTheCallForTheHotlineAsTransferred() {
        connectedCall("15.1");
        clock.advance(Duration.ofSeconds(12));
        apply(new VariableSet("15.1", "15.1", "HOTLINE_TRANSFER", "COORDINATION"),
                new AgentCompleted("15.1", "hotline-aarhus", "PJSIP/advisor-aarhus-1", 3, 12, "transfer"));
        clock.advance(Duration.ofSeconds(6));
        apply(new CallSignal.DialAnswered("15.1", "15.1", "PJSIP/telco-0005"));

        CallLifecycleEvent ended = last("15.1");
        assertThat(statesOf("15.1")).containsExactly(CallState.OFFERED, CallState.QUEUED, CallState.CONNECTED,
                CallState.ENDED);
        assertThat(ended.endReason()).isEqualTo(EndReason.TRANSFERRED);
        assertThat(ended.advisorEndpoint()).isEqualTo("advisor-aarhus-1");
        assertThat(ended.talkSeconds()).isEqualTo(12);
        apply(new ChannelHungUp("15.1", "15.1"));
        assertThat(statesOf("15.1")).hasSize(4);
    }

    @Test
    void onlyACallConnectedToAnAdvisorNowCanBeTransferred() {
        routedCall("16.1", "+4511111112", "NATIONAL", "QUEUE", "hotline-aarhus");
        apply(new QueueJoined("16.1", "16.1", "hotline-aarhus"));
        assertThat(tracker.isInProgress("16.1")).isTrue();
        assertThat(tracker.advisorChannelOf("16.1")).isEmpty();
        assertThat(tracker.isInProgress("nope")).isFalse();
        assertThat(tracker.advisorChannelOf("nope")).isEmpty();
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
