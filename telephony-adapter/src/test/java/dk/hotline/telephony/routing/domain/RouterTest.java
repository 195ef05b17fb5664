package dk.hotline.telephony.routing.domain;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;

import static dk.hotline.telephony.testsupport.Schedules.at;
import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.telephony.testsupport.MutableClock;
import dk.hotline.telephony.testsupport.Schedules;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 24);

    private final MutableClock clock = new MutableClock(at("2026-11-23T10:00"));
    private final ScheduleReplica replica = new ScheduleReplica(clock);
    private final QueuePresence presence = new QueuePresence(clock);
    private final Router router = new Router(clock, replica, presence, Map.of(
            Line.NATIONAL, new LinePolicy(true, Duration.ofSeconds(120), Site.AARHUS),
            Line.COPENHAGEN_LOCAL, new LinePolicy(false, Duration.ofSeconds(120), Site.COPENHAGEN)));

    @BeforeEach
    void schedules() {
        replica.offer(Schedules.daily(Line.NATIONAL, 1, LocalDate.of(2026, 11, 1), 61, Set.of(CHRISTMAS)));
        replica.offer(Schedules.daily(Line.COPENHAGEN_LOCAL, 1, LocalDate.of(2026, 11, 1), 61, Set.of(CHRISTMAS)));
    }

    private void advisorsEverywhere() {
        presence.snapshotStarted();
        presence.memberUpdated(new QueuePresence.Member("hotline-aarhus", "PJSIP/advisor-aarhus-1", "A", 1, false, null));
        presence.memberUpdated(new QueuePresence.Member("hotline-copenhagen", "PJSIP/advisor-cph-1", "C", 1, false, null));
        presence.snapshotCompleted();
    }

    @Test
    void nationalCallInAarhusMonthQueuesInAarhus() {
        RoutingDecision d = router.decide(Line.NATIONAL);

        assertThat(d.action()).isEqualTo(RouteAction.QUEUE);
        assertThat(d.queue()).isEqualTo("hotline-aarhus");
        assertThat(d.degraded()).isFalse();
    }

    @Test
    void nationalCallInCopenhagenMonthQueuesInCopenhagen() {
        clock.set(at("2026-12-01T09:00"));

        assertThat(router.decide(Line.NATIONAL).queue()).isEqualTo("hotline-copenhagen");
    }

    @Test
    void copenhagenLocalLineAlwaysGoesToCopenhagen() {
        assertThat(router.decide(Line.COPENHAGEN_LOCAL).site()).isEqualTo(Site.COPENHAGEN);
    }

    @Test
    void closedHoursAnswerClosedWithTheNextOpening() {
        clock.set(at("2026-11-23T18:30"));

        RoutingDecision d = router.decide(Line.NATIONAL);

        assertThat(d.action()).isEqualTo(RouteAction.CLOSED);
        assertThat(d.nextOpening()).isEqualTo(at("2026-11-24T09:00"));
    }

    @Test
    void holidayIsClosedAllDayAndOpensTheDayAfter() {
        clock.set(at("2026-12-24T11:00"));

        RoutingDecision d = router.decide(Line.NATIONAL);

        assertThat(d.action()).isEqualTo(RouteAction.CLOSED);
        assertThat(d.site()).isEqualTo(Site.COPENHAGEN);
        assertThat(d.nextOpening()).isEqualTo(at("2026-12-25T09:00"));
    }

    @Test
    void overflowsWhenNoAdvisorOnDutyIsLoggedIn() {
        advisorsEverywhere();
        presence.memberUpdated(new QueuePresence.Member("hotline-aarhus", "PJSIP/advisor-aarhus-1", "A", 5, false, null));

        RoutingDecision d = router.decide(Line.NATIONAL);

        assertThat(d.action()).isEqualTo(RouteAction.OVERFLOW);
        assertThat(d.queue()).isEqualTo("hotline-copenhagen");
        assertThat(d.overflowReason()).isEqualTo(OverflowReason.NO_ADVISOR_AVAILABLE);
    }

    @Test
    void overflowsWhenEveryAdvisorOnDutyIsPaused() {
        advisorsEverywhere();
        presence.memberPaused("hotline-aarhus", "PJSIP/advisor-aarhus-1", true, "lunch");

        assertThat(router.decide(Line.NATIONAL).overflowReason()).isEqualTo(OverflowReason.NO_ADVISOR_AVAILABLE);
    }

    @Test
    void overflowsWhenTheLongestWaitPassesTheLimit() {
        advisorsEverywhere();
        presence.callerJoined("hotline-aarhus", "1.1", clock.instant());
        clock.advance(Duration.ofSeconds(121));

        RoutingDecision d = router.decide(Line.NATIONAL);

        assertThat(d.action()).isEqualTo(RouteAction.OVERFLOW);
        assertThat(d.overflowReason()).isEqualTo(OverflowReason.LONGEST_WAIT_EXCEEDED);
    }

    @Test
    void doesNotOverflowToAQueueWithNobodyEither() {
        presence.snapshotStarted();
        presence.snapshotCompleted();

        assertThat(router.decide(Line.NATIONAL).action()).isEqualTo(RouteAction.QUEUE);
    }

    @Test
    void doesNotOverflowTheCopenhagenLine() {
        advisorsEverywhere();
        presence.memberRemoved("hotline-copenhagen", "PJSIP/advisor-cph-1");

        assertThat(router.decide(Line.COPENHAGEN_LOCAL).action()).isEqualTo(RouteAction.QUEUE);
    }

    @Test
    void doesNotOverflowOnUnknownPresence() {
        assertThat(router.decide(Line.NATIONAL).action()).isEqualTo(RouteAction.QUEUE);
    }

    @Test
    void staleScheduleFallsBackToTheLastKnownSiteDegraded() {
        clock.set(at("2027-01-05T10:00"));

        RoutingDecision d = router.decide(Line.NATIONAL);

        assertThat(d.action()).isEqualTo(RouteAction.QUEUE);
        assertThat(d.site()).isEqualTo(Site.COPENHAGEN);
        assertThat(d.degraded()).isTrue();
    }

    @Test
    void noScheduleAtAllFallsBackToTheConfiguredSiteDegraded() {
        ScheduleReplica empty = new ScheduleReplica(clock);
        Router bare = new Router(clock, empty, presence, Map.of(
                Line.NATIONAL, new LinePolicy(true, Duration.ofSeconds(120), Site.AARHUS),
                Line.COPENHAGEN_LOCAL, new LinePolicy(false, Duration.ofSeconds(120), Site.COPENHAGEN)));

        RoutingDecision d = bare.decide(Line.NATIONAL);

        assertThat(d.site()).isEqualTo(Site.AARHUS);
        assertThat(d.degraded()).isTrue();
    }

    @Test
    void newerScheduleVersionWinsAndOlderIsIgnored() {
        assertThat(replica.offer(Schedules.daily(Line.NATIONAL, 5, LocalDate.of(2026, 11, 1), 3, Set.of()))).isTrue();
        assertThat(replica.offer(Schedules.daily(Line.NATIONAL, 4, LocalDate.of(2026, 11, 1), 61, Set.of()))).isFalse();
        assertThat(replica.schedule(Line.NATIONAL).orElseThrow().version()).isEqualTo(5);
    }

    @Test
    void nightlyRepublishOfTheSameVersionMovesTheHorizonOnWhileTheAdapterRuns() {
        ScheduleReplica running = new ScheduleReplica(clock);
        Router router = new Router(clock, running, presence, Map.of(
                Line.NATIONAL, new LinePolicy(false, Duration.ofSeconds(120), Site.AARHUS),
                Line.COPENHAGEN_LOCAL, new LinePolicy(false, Duration.ofSeconds(120), Site.COPENHAGEN)));
        LocalDate first = LocalDate.of(2026, 11, 1);
        // Published on the 23rd, valid until the 25th 00:00; the same version republished on the 24th, one day more.
        assertThat(running.offer(Schedules.daily(Line.NATIONAL, 7, first, 24, Set.of(), at("2026-11-23T01:00"))))
                .isTrue();
        clock.set(at("2026-11-24T01:00"));
        assertThat(running.offer(Schedules.daily(Line.NATIONAL, 7, first, 25, Set.of(), at("2026-11-24T01:00"))))
                .isTrue();
        // A late copy of the earlier publication does not pull the horizon back.
        assertThat(running.offer(Schedules.daily(Line.NATIONAL, 7, first, 24, Set.of(), at("2026-11-23T01:00"))))
                .isFalse();

        clock.set(at("2026-11-25T10:00"));

        assertThat(running.isFresh(Line.NATIONAL)).isTrue();
        RoutingDecision d = router.decide(Line.NATIONAL);
        assertThat(d.action()).isEqualTo(RouteAction.QUEUE);
        assertThat(d.site()).isEqualTo(Site.AARHUS);
        assertThat(d.degraded()).isFalse();
    }
}
