package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.schedule.Segment;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;

import static dk.hotline.core.rotation.domain.RotationFixtures.date;
import static dk.hotline.core.rotation.domain.RotationFixtures.defaultRotation;
import static dk.hotline.core.rotation.domain.RotationFixtures.local;
import static dk.hotline.core.rotation.domain.RotationFixtures.override;
import static dk.hotline.core.rotation.domain.RotationFixtures.rotation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final RotationSchedule BUSY = RotationSchedule.defaults()
            .withMonthAssignments(List.of(new MonthAssignment(YearMonth.of(2026, 5), Site.AARHUS, "swap")))
            .withOverrides(List.of(
                    override("2026-03-10T12:00", "2026-03-12T12:00", Site.AARHUS, "course"),
                    override("2026-03-30T00:00", "2026-04-02T10:00", Site.COPENHAGEN, "late start")))
            .withClosureDates(List.of(new ClosureDate(date("2026-06-10"), Line.NATIONAL, "seminar")))
            .withClosureSettings(ClosureSettings.defaults()
                    .withReducedDay(ReducedDay.NYTAARSAFTENSDAG, ReducedDayRule.closesEarlyAt(LocalTime.NOON)));

    @Test
    void segmentsCoverTheRangeExactlyWithoutGaps() {
        Instant from = Instant.parse("2026-03-01T05:17:00Z");
        Instant to = Instant.parse("2027-01-15T10:03:00Z");

        List<Segment> segments = rotation(BUSY).timeline(Line.NATIONAL, from, to);

        assertThat(segments.get(0).from()).isEqualTo(from);
        assertThat(segments.get(segments.size() - 1).to()).isEqualTo(to);
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).from()).as("segment %d", i).isEqualTo(segments.get(i - 1).to());
            assertThat(segments.get(i).from()).isBefore(segments.get(i).to());
        }
    }

    @Test
    void adjacentSegmentsAreNeverEqual() {
        List<Segment> segments = rotation(BUSY).timeline(Line.NATIONAL,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-03-01T00:00:00Z"));

        for (int i = 1; i < segments.size(); i++) {
            Segment previous = segments.get(i - 1);
            Segment current = segments.get(i);
            assertThat(previous.site() == current.site() && previous.open() == current.open()
                    && previous.rule().equals(current.rule())).as("segments %d and %d merge", i - 1, i).isFalse();
        }
    }

    @Test
    void everySegmentAgreesWithTheAnswerAtItsStartAndItsNextChange() {
        Rotation rotation = rotation(BUSY);
        Instant to = Instant.parse("2026-08-01T00:00:00Z");
        List<Segment> segments = rotation.timeline(Line.NATIONAL, Instant.parse("2026-02-20T00:00:00Z"), to);

        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            DutyAnswer answer = rotation.onDuty(Line.NATIONAL, segment.from());
            assertThat(answer.site()).isEqualTo(segment.site());
            assertThat(answer.open()).isEqualTo(segment.open());
            assertThat(answer.rule().summary()).isEqualTo(segment.rule());
            assertThat(rotation.onDuty(Line.NATIONAL, segment.to().minusNanos(1)).rule().summary())
                    .isEqualTo(segment.rule());
            Instant expectedChange = null;
            for (int j = i + 1; j < segments.size(); j++) {
                if (segments.get(j).site() != segment.site() || segments.get(j).open() != segment.open()) {
                    expectedChange = segments.get(j).from();
                    break;
                }
            }
            if (expectedChange != null) {
                assertThat(answer.nextChangeAt()).as("next change after %s", segment.from()).isEqualTo(expectedChange);
            }
        }
    }

    @Test
    void closedWeekendIsOneSegment() {
        List<Segment> segments = defaultRotation().timeline(Line.NATIONAL,
                local("2026-03-06T09:00"), local("2026-03-10T00:00"));

        assertThat(segments).extracting(Segment::from).containsExactly(
                local("2026-03-06T09:00"), local("2026-03-06T15:00"), local("2026-03-09T09:00"),
                local("2026-03-09T15:00"));
        assertThat(segments.get(1).open()).isFalse();
        assertThat(segments.get(1).to()).isEqualTo(local("2026-03-09T09:00"));
        assertThat(segments.get(1).rule()).isEqualTo(
                "2026-03 is COPENHAGEN by alternation from anchor 2026-01 COPENHAGEN; closed: outside opening hours");
    }

    @Test
    void overrideSplitsTheDayIntoSegmentsOfEachSite() {
        List<Segment> segments = rotation(BUSY).timeline(Line.NATIONAL,
                local("2026-03-10T00:00"), local("2026-03-11T00:00"));

        assertThat(segments).extracting(Segment::from, Segment::site, Segment::open).containsExactly(
                org.assertj.core.groups.Tuple.tuple(local("2026-03-10T00:00"), Site.COPENHAGEN, false),
                org.assertj.core.groups.Tuple.tuple(local("2026-03-10T09:00"), Site.COPENHAGEN, true),
                org.assertj.core.groups.Tuple.tuple(local("2026-03-10T12:00"), Site.AARHUS, true),
                org.assertj.core.groups.Tuple.tuple(local("2026-03-10T15:00"), Site.AARHUS, false));
        assertThat(segments.get(2).rule()).startsWith("override ").endsWith("open: within opening hours 09:00-15:00");
    }

    @Test
    void monthHandoverStartsANewSegmentAtLocalMidnight() {
        List<Segment> segments = defaultRotation().timeline(Line.NATIONAL,
                local("2026-07-31T15:00"), local("2026-08-03T09:00"));

        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).site()).isEqualTo(Site.COPENHAGEN);
        assertThat(segments.get(1).from()).isEqualTo(Instant.parse("2026-07-31T22:00:00Z"));
        assertThat(segments.get(1).site()).isEqualTo(Site.AARHUS);
    }

    @Test
    void copenhagenLocalLineTimelineIsAlwaysCopenhagen() {
        List<Segment> segments = rotation(BUSY).timeline(Line.COPENHAGEN_LOCAL,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));

        assertThat(segments).extracting(Segment::site).containsOnly(Site.COPENHAGEN);
        assertThat(segments).filteredOn(Segment::open).isNotEmpty();
    }

    @Test
    void timelineOverTheSpringForwardDayKeepsLocalOpeningHours() {
        List<Segment> segments = defaultRotation().timeline(Line.NATIONAL,
                Instant.parse("2026-03-27T00:00:00Z"), Instant.parse("2026-03-31T00:00:00Z"));

        assertThat(segments).filteredOn(Segment::open).extracting(Segment::from, Segment::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-03-27T08:00:00Z"), Instant.parse("2026-03-27T14:00:00Z")),
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-03-30T07:00:00Z"), Instant.parse("2026-03-30T13:00:00Z")));
    }

    @Test
    void timelineInsideOneSegmentIsThatSegmentClipped() {
        Instant from = local("2026-03-03T10:00");
        Instant to = local("2026-03-03T10:00:01");

        List<Segment> segments = defaultRotation().timeline(Line.NATIONAL, from, to);

        assertThat(segments).singleElement().satisfies(s -> {
            assertThat(s.from()).isEqualTo(from);
            assertThat(s.to()).isEqualTo(to);
            assertThat(s.open()).isTrue();
        });
    }

    @Test
    void fourteenMonthsForPublishingStayWellBelowTheLimit() {
        Instant from = Rotation.startOf(YearMonth.of(2026, 10));
        Instant to = Rotation.startOf(YearMonth.of(2027, 12));

        List<Segment> segments = defaultRotation().timeline(Line.NATIONAL, from, to);

        assertThat(Duration.between(from, to)).isLessThan(Rotation.MAX_TIMELINE);
        assertThat(segments.get(0).from()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
        assertThat(segments.get(segments.size() - 1).to()).isEqualTo(Instant.parse("2027-11-30T23:00:00Z"));
    }

    @Test
    void timelineRefusesAReversedOrEmptyRange() {
        Rotation rotation = defaultRotation();
        Instant at = local("2026-03-03T10:00");

        assertThatThrownBy(() -> rotation.timeline(Line.NATIONAL, at, at))
                .isInstanceOfSatisfying(RotationQueryException.class,
                        e -> assertThat(e.violation().field()).isEqualTo("from"));
        assertThatThrownBy(() -> rotation.timeline(Line.NATIONAL, at, at.minusSeconds(1)))
                .isInstanceOf(RotationQueryException.class);
    }

    @Test
    void timelineRefusesMoreThanEightHundredDays() {
        Instant from = local("2026-03-03T10:00");

        assertThatThrownBy(() -> defaultRotation().timeline(Line.NATIONAL, from, from.plus(Duration.ofDays(801))))
                .isInstanceOfSatisfying(RotationQueryException.class,
                        e -> assertThat(e.violation().field()).isEqualTo("to"));
    }

    @Test
    void queriesOutsideTheSupportedYearsAreRefused() {
        Rotation rotation = defaultRotation();

        assertThatThrownBy(() -> rotation.onDuty(Line.NATIONAL, Instant.parse("2300-01-01T00:00:00Z")))
                .isInstanceOfSatisfying(RotationQueryException.class,
                        e -> assertThat(e.violation().field()).isEqualTo("at"));
        assertThatThrownBy(() -> rotation.onDuty(Line.NATIONAL, Instant.MAX)).isInstanceOf(RotationQueryException.class);
        assertThatThrownBy(() -> rotation.onDuty(Line.NATIONAL, Instant.parse("1899-12-31T12:00:00Z")))
                .isInstanceOf(RotationQueryException.class);
        assertThatThrownBy(() -> rotation.onDuty(Line.NATIONAL, null)).isInstanceOf(RotationQueryException.class);
        assertThatThrownBy(() -> rotation.timeline(Line.NATIONAL, Instant.parse("2299-12-30T00:00:00Z"), Instant.MAX))
                .isInstanceOf(RotationQueryException.class);
    }

    @Test
    void queriesWithoutLineOrEndAreRefusedNamingTheField() {
        Rotation rotation = defaultRotation();
        Instant at = local("2026-03-03T10:00");

        assertThatThrownBy(() -> rotation.onDuty(null, at)).isInstanceOfSatisfying(RotationQueryException.class,
                e -> assertThat(e.violation()).isEqualTo(new Violation("line", "is missing")));
        assertThatThrownBy(() -> rotation.timeline(Line.NATIONAL, at, null)).isInstanceOfSatisfying(
                RotationQueryException.class, e -> assertThat(e.violation().field()).isEqualTo("to"));
        assertThatThrownBy(() -> rotation.calendar(null, date("2026-03-01"), date("2026-03-02")))
                .isInstanceOf(RotationQueryException.class);
    }

    @Test
    void nextOpeningSkipsTheMonthsHandoverWhileClosed() {
        Rotation rotation = defaultRotation();
        // Friday 27 February 2026 after hours: the next change is the handover at midnight on Sunday 1 March, the next
        // opening Monday 2 March at nine.
        Instant fridayEvening = local("2026-02-27T20:00");
        assertThat(rotation.onDuty(Line.NATIONAL, fridayEvening).nextChangeAt()).isEqualTo(local("2026-03-01T00:00"));
        assertThat(rotation.nextOpeningAt(Line.NATIONAL, fridayEvening)).contains(local("2026-03-02T09:00"));
        // Already open: now.
        assertThat(rotation.nextOpeningAt(Line.NATIONAL, local("2026-03-02T10:00"))).contains(local("2026-03-02T10:00"));
        // A line that never opens: none within the horizon.
        assertThat(rotation(RotationSchedule.defaults().withHours(Line.COPENHAGEN_LOCAL, WeeklyHours.closed()))
                .nextOpeningAt(Line.COPENHAGEN_LOCAL, local("2026-03-02T10:00"))).isEmpty();
    }

    @Test
    void lastSupportedDayStillAnswersWithoutNextChangeBeyondIt() {
        DutyAnswer answer = rotation(RotationSchedule.defaults().withHours(Line.COPENHAGEN_LOCAL, WeeklyHours.closed()))
                .onDuty(Line.COPENHAGEN_LOCAL, local("2299-12-31T12:00"));

        assertThat(answer.site()).isEqualTo(Site.COPENHAGEN);
        assertThat(answer.nextChangeAt()).isNull();
    }
}
