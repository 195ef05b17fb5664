package dk.hotline.telephony.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.telephony.call.domain.CallSignal;
import dk.hotline.telephony.call.domain.CallTracker;
import dk.hotline.telephony.call.domain.CallerHasher;
import dk.hotline.telephony.call.domain.TranscriptSignals;
import dk.hotline.telephony.queue.domain.QueueOverview.Advisors;
import dk.hotline.telephony.queue.domain.QueueOverview.QueueView;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.telephony.routing.domain.QueuePresence;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.telephony.testsupport.MutableClock;
import dk.hotline.telephony.testsupport.Transcript;
import dk.hotline.telephony.testsupport.Transcript.Block;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The supervisors' queue picture on the real AMI streams recorded from Asterisk 20. */
class QueueOverviewTranscriptTest {

    private static final Instant START = Instant.parse("2026-11-22T05:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final QueuePresence presence = new QueuePresence(clock);
    private final CallTracker tracker = new CallTracker(clock, new CallerHasher("queue-test-secret"));
    private final QueueOverview overview = new QueueOverview(presence, tracker::lineOf, clock);

    private Transcript transcript;
    private int next;
    private int session = 1;
    /** Whether a QueueStatus answer is the connector's own resync (all queues) rather than an operator's query. */
    private boolean resyncs = true;

    private void load(String name) {
        transcript = Transcript.load(name);
        next = 0;
    }

    /** Replays the next blocks up to, not including, the first one that matches {@code stop}. */
    private void replayUntil(Predicate<Block> stop) {
        while (next < transcript.blocks().size() && !stop.test(transcript.blocks().get(next))) {
            replayNext();
        }
    }

    /** Replays the next blocks up to and including the first one that matches {@code last}. */
    private void replayThrough(Predicate<Block> last) {
        replayUntil(last);
        replayNext();
    }

    private void replayRest() {
        replayUntil(b -> false);
    }

    private void replayNext() {
        Block b = transcript.blocks().get(next++);
        clock.set(START.plus(Duration.ofMillis(Math.round(b.session() * 100_000 + b.mono() * 1000))));
        if (b.session() != session) {
            presence.connectionLost();
            session = b.session();
        }
        feed(b);
    }

    /** What the AMI connector does with each block: presence from queue events, the call's line from the tracker. */
    private void feed(Block b) {
        if ("Queue status will follow".equals(b.get("Message"))) {
            if (resyncs) {
                presence.snapshotStarted();
            }
            return;
        }
        String event = b.get("Event");
        if (event == null) {
            return;
        }
        switch (event) {
            case "QueueMemberStatus", "QueueMemberAdded", "QueueMember" -> presence.memberUpdated(
                    new QueuePresence.Member(b.get("Queue"), b.get("Interface") != null ? b.get("Interface")
                            : b.get("Location"), b.get("MemberName"), Integer.parseInt(b.get("Status")),
                            "1".equals(b.get("Paused")), b.get("PausedReason")));
            case "QueueMemberPause" -> presence.memberPaused(b.get("Queue"), b.get("Interface"),
                    "1".equals(b.get("Paused")), b.get("PausedReason"));
            case "QueueMemberRemoved" -> presence.memberRemoved(b.get("Queue"), b.get("Interface"));
            case "QueueCallerJoin" -> presence.callerJoined(b.get("Queue"), b.get("Uniqueid"), clock.instant());
            case "QueueEntry" -> presence.callerJoined(b.get("Queue"), b.get("Uniqueid"),
                    clock.instant().minusSeconds(Long.parseLong(b.get("Wait"))));
            case "QueueCallerLeave", "QueueCallerAbandon" -> presence.callerLeft(b.get("Queue"), b.get("Uniqueid"));
            case "QueueStatusComplete" -> {
                if (resyncs) {
                    presence.snapshotCompleted();
                }
            }
            default -> TranscriptSignals.of(b).filter(s -> !(s instanceof CallSignal.ChannelSnapshot))
                    .ifPresent(tracker::apply);
        }
    }

    private QueueView queue(Site site) {
        return overview.snapshot().queues().stream().filter(q -> q.site() == site).findFirst().orElseThrow();
    }

    @Test
    void aNationalCallWaitsInAarhusWhileTheAdvisorIsRungThenTheQueueEmpties() {
        load("T1-answered-caller-hangup.txt");
        replayUntil(b -> b.isEvent("QueueCallerLeave")); // Asterisk says the caller left the queue as the advisor answers
        clock.advance(Duration.ofSeconds(3));

        QueueView aarhus = queue(Site.AARHUS);
        assertThat(aarhus.known()).isTrue();
        assertThat(aarhus.waiting()).isEqualTo(1);
        assertThat(aarhus.waitingByLine()).isEqualTo(Map.of(Line.NATIONAL, 1));
        assertThat(aarhus.longestWaitSeconds()).isGreaterThanOrEqualTo(3);
        assertThat(aarhus.advisors()).as("the ringing advisor is not free").isEqualTo(new Advisors(0, 1, 0, 0, Map.of()));
        assertThat(queue(Site.COPENHAGEN).waiting()).isZero();

        replayRest();
        aarhus = queue(Site.AARHUS);
        assertThat(aarhus.waiting()).isZero();
        assertThat(aarhus.longestWaitSeconds()).isZero();
        assertThat(aarhus.advisors()).isEqualTo(new Advisors(1, 0, 0, 0, Map.of()));
    }

    @Test
    void aCopenhagenLocalCallIsCountedOnItsLine() {
        load("T5-copenhagen-answered.txt");
        replayUntil(b -> b.isEvent("QueueCallerLeave"));

        QueueView copenhagen = queue(Site.COPENHAGEN);
        assertThat(copenhagen.waiting()).isEqualTo(1);
        assertThat(copenhagen.waitingByLine()).isEqualTo(Map.of(Line.COPENHAGEN_LOCAL, 1));
        assertThat(queue(Site.AARHUS).waiting()).isZero();
    }

    @Test
    void anUnregisteredAdvisorIsUnavailableAndTheAbandonedCallerLeavesTheQueue() {
        load("T3-abandoned-no-advisor.txt");
        replayUntil(b -> b.isEvent("QueueCallerAbandon"));

        QueueView aarhus = queue(Site.AARHUS);
        assertThat(aarhus.waiting()).isEqualTo(1);
        assertThat(aarhus.longestWaitSeconds()).isBetween(5L, 7L);
        assertThat(aarhus.advisors()).isEqualTo(new Advisors(0, 0, 0, 1, Map.of()));

        replayRest();
        assertThat(queue(Site.AARHUS).waiting()).isZero();
    }

    @Test
    void anAdvisorAddedPausedUnpausedAndRemovedShowsOnTheBoard() {
        load("T9-dynamic-member-ami.txt");
        resyncs = false; // T9's QueueStatus is an operator's, filtered to one queue: it updates, it does not reset
        replayThrough(b -> b.isEvent("QueueStatusComplete"));
        assertThat(queue(Site.COPENHAGEN).advisors()).as("added, and the unregistered static member")
                .isEqualTo(new Advisors(1, 0, 0, 1, Map.of()));

        replayThrough(b -> b.isEvent("QueueMemberPause"));
        assertThat(queue(Site.COPENHAGEN).advisors()).isEqualTo(new Advisors(0, 0, 1, 1, Map.of("OTHER", 1)));

        replayThrough(b -> b.isEvent("QueueMemberPause"));
        assertThat(queue(Site.COPENHAGEN).advisors()).isEqualTo(new Advisors(1, 0, 0, 1, Map.of()));

        replayThrough(b -> b.isEvent("QueueMemberPause"));
        assertThat(queue(Site.AARHUS).advisors()).as("paused in all queues, a reason of the PBX's own")
                .isEqualTo(new Advisors(0, 0, 1, 0, Map.of("OTHER", 1)));

        replayThrough(b -> b.isEvent("QueueMemberRemoved"));
        assertThat(queue(Site.AARHUS).advisors()).isEqualTo(new Advisors(1, 0, 0, 0, Map.of()));
        assertThat(queue(Site.COPENHAGEN).advisors()).isEqualTo(new Advisors(0, 0, 0, 1, Map.of()));
    }

    @Test
    void pausesAreCountedByTheHotlinesReasonCodes() {
        List<QueuePresence.Member> members = List.of(
                new QueuePresence.Member("hotline-aarhus", "PJSIP/advisor-aarhus-1", "a1", 1, true, "BREAK"),
                new QueuePresence.Member("hotline-aarhus", "PJSIP/advisor-aarhus-2", "a2", 1, true, "WRAP_UP"),
                new QueuePresence.Member("hotline-aarhus", "PJSIP/advisor-aarhus-3", "a3", 1, true, "WRAP_UP"),
                new QueuePresence.Member("hotline-aarhus", "PJSIP/advisor-aarhus-4", "a4", 2, true, "BREAK"),
                new QueuePresence.Member("hotline-aarhus", "PJSIP/advisor-aarhus-5", "a5", 1, false, ""));
        assertThat(QueueOverview.advisors(members)).as("a paused advisor still on a call counts as on a call")
                .isEqualTo(new Advisors(1, 1, 3, 0, Map.of("BREAK", 1, "WRAP_UP", 2)));
    }

    @Test
    void afterAReconnectTheQueueSnapshotRestoresTheWaitingCallerAndItsLine() {
        load("T7-ami-reconnect.txt");
        replayUntil(b -> b.session() == 2);
        presence.connectionLost();
        assertThat(overview.snapshot().known()).as("nothing stale is shown while the link is down").isFalse();
        assertThat(queue(Site.AARHUS).waiting()).isZero();

        replayThrough(b -> b.isEvent("QueueStatusComplete"));

        QueueView aarhus = queue(Site.AARHUS);
        assertThat(overview.snapshot().known()).isTrue();
        assertThat(aarhus.waiting()).isEqualTo(1);
        assertThat(aarhus.waitingByLine()).isEqualTo(Map.of(Line.NATIONAL, 1));
        assertThat(aarhus.longestWaitSeconds()).isGreaterThanOrEqualTo(5);
        assertThat(aarhus.advisors().onCall()).isEqualTo(1);
    }

    @Test
    void noCallerNumberOrNameIsInTheSnapshot() {
        load("T1-answered-caller-hangup.txt");
        replayUntil(b -> b.isEvent("QueueCallerLeave"));

        assertThat(overview.snapshot().toString()).doesNotContain("+4520000001", "Advisor Aarhus 1", "PJSIP/");
    }
}
