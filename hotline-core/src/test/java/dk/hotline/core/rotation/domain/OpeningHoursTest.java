package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;

import static dk.hotline.core.rotation.domain.RotationFixtures.defaultRotation;
import static dk.hotline.core.rotation.domain.RotationFixtures.local;
import static dk.hotline.core.rotation.domain.RotationFixtures.rotation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    private static final WeeklyHours EVERY_DAY_9_TO_15 =
            WeeklyHours.on(EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(15, 0));

    @Test
    void openFromNineInclusiveToThreeExclusiveLocalTime() {
        Rotation rotation = defaultRotation();

        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-02T09:00").minusNanos(1)).open()).isFalse();
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-02T09:00")).open()).isTrue();
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-02T15:00").minusNanos(1)).open()).isTrue();
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-02T15:00")).open()).isFalse();
    }

    @Test
    void closedOutsideHoursSaysSoAndWhenItOpens() {
        DutyAnswer evening = defaultRotation().onDuty(Line.NATIONAL, local("2026-03-03T18:00"));

        assertThat(evening.open()).isFalse();
        assertThat(evening.rule().open().kind()).isEqualTo(RuleKind.OUTSIDE_HOURS);
        assertThat(evening.rule().open().explanation()).isEqualTo("closed: outside opening hours");
        assertThat(evening.nextChangeAt()).isEqualTo(local("2026-03-04T09:00"));
    }

    @Test
    void nextChangeAtSkipsAClosedWeekend() {
        Rotation rotation = defaultRotation();

        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-06T14:00")).nextChangeAt())
                .isEqualTo(local("2026-03-06T15:00"));
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-06T15:00")).nextChangeAt())
                .isEqualTo(Instant.parse("2026-03-09T08:00:00Z"));
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-08T12:00")).nextChangeAt())
                .isEqualTo(Instant.parse("2026-03-09T08:00:00Z"));
    }

    @Test
    void nextChangeAtAcrossTheSpringForwardWeekendIsNineOClockSummerTime() {
        // Friday 27 March 2026 closes 15:00 CET (14:00Z); DST starts Sunday 29 March; Monday opens 09:00 CEST (07:00Z)
        DutyAnswer friday = defaultRotation().onDuty(Line.NATIONAL, Instant.parse("2026-03-27T14:00:00Z"));

        assertThat(friday.open()).isFalse();
        assertThat(friday.nextChangeAt()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
    }

    @Test
    void nextChangeAtAcrossTheFallBackWeekendIsNineOClockWinterTime() {
        // Friday 23 October 2026 closes 15:00 CEST (13:00Z); DST ends Sunday 25 October; Monday opens 09:00 CET (08:00Z)
        DutyAnswer friday = defaultRotation().onDuty(Line.NATIONAL, Instant.parse("2026-10-23T13:00:00Z"));

        assertThat(friday.open()).isFalse();
        assertThat(friday.nextChangeAt()).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void springForwardDayIsStillOpenNineToThreeLocal() {
        Rotation rotation = rotation(RotationSchedule.defaults().withHours(Line.NATIONAL, EVERY_DAY_9_TO_15));

        DutyAnswer beforeOpening = rotation.onDuty(Line.NATIONAL, Instant.parse("2026-03-29T06:59:59Z"));
        DutyAnswer opening = rotation.onDuty(Line.NATIONAL, Instant.parse("2026-03-29T07:00:00Z"));

        assertThat(beforeOpening.open()).isFalse();
        assertThat(beforeOpening.nextChangeAt()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
        assertThat(opening.open()).isTrue();
        assertThat(opening.nextChangeAt()).isEqualTo(Instant.parse("2026-03-29T13:00:00Z"));
    }

    @Test
    void fallBackDayIsStillOpenNineToThreeLocal() {
        Rotation rotation = rotation(RotationSchedule.defaults().withHours(Line.NATIONAL, EVERY_DAY_9_TO_15));

        DutyAnswer opening = rotation.onDuty(Line.NATIONAL, Instant.parse("2026-10-25T08:00:00Z"));

        assertThat(rotation.onDuty(Line.NATIONAL, Instant.parse("2026-10-25T07:59:59Z")).open()).isFalse();
        assertThat(opening.open()).isTrue();
        assertThat(opening.nextChangeAt()).isEqualTo(Instant.parse("2026-10-25T14:00:00Z"));
    }

    @Test
    void intervalAcrossTheSkippedHourLastsOneHourLessOnSpringForwardDay() {
        WeeklyHours earlyShift = WeeklyHours.on(EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(1, 0), LocalTime.of(5, 0));
        Rotation rotation = rotation(RotationSchedule.defaults().withHours(Line.NATIONAL, earlyShift));

        // 01:00 CET = 00:00Z; 05:00 CEST = 03:00Z: three hours of wall-clock time only
        DutyAnswer answer = rotation.onDuty(Line.NATIONAL, Instant.parse("2026-03-29T00:00:00Z"));

        assertThat(answer.open()).isTrue();
        assertThat(answer.nextChangeAt()).isEqualTo(Instant.parse("2026-03-29T03:00:00Z"));
    }

    @Test
    void intervalAcrossTheRepeatedHourLastsOneHourMoreOnFallBackDay() {
        WeeklyHours earlyShift = WeeklyHours.on(EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(1, 0), LocalTime.of(5, 0));
        Rotation rotation = rotation(RotationSchedule.defaults().withHours(Line.NATIONAL, earlyShift));

        // 01:00 CEST = 23:00Z the day before; 05:00 CET = 04:00Z
        DutyAnswer answer = rotation.onDuty(Line.NATIONAL, Instant.parse("2026-10-24T23:00:00Z"));

        assertThat(answer.open()).isTrue();
        assertThat(answer.nextChangeAt()).isEqualTo(Instant.parse("2026-10-25T04:00:00Z"));
    }

    @Test
    void openingTimeInsideTheSkippedHourOpensWhenTheClockJumps() {
        WeeklyHours inTheGap = WeeklyHours.on(EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30), LocalTime.of(6, 0));
        Rotation rotation = rotation(RotationSchedule.defaults().withHours(Line.NATIONAL, inTheGap));

        // 02:30 does not exist on 29 March 2026: it resolves to 03:30 CEST (01:30Z), as java.time does
        DutyAnswer night = rotation.onDuty(Line.NATIONAL, Instant.parse("2026-03-29T00:30:00Z"));

        assertThat(night.open()).isFalse();
        assertThat(night.nextChangeAt()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void severalIntervalsADayOpenAndCloseInTurn() {
        WeeklyHours splitDay = new WeeklyHours(java.util.Map.of(DayOfWeek.MONDAY, List.of(
                OpeningInterval.of("13:00", "16:00"), OpeningInterval.of("08:00", "11:30"))));
        Rotation rotation = rotation(RotationSchedule.defaults().withHours(Line.NATIONAL, splitDay));

        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-02T08:00")).nextChangeAt())
                .isEqualTo(local("2026-03-02T11:30"));
        DutyAnswer lunch = rotation.onDuty(Line.NATIONAL, local("2026-03-02T12:00"));
        assertThat(lunch.open()).isFalse();
        assertThat(lunch.nextChangeAt()).isEqualTo(local("2026-03-02T13:00"));
        DutyAnswer afternoon = rotation.onDuty(Line.NATIONAL, local("2026-03-02T13:00"));
        assertThat(afternoon.rule().open().explanation()).isEqualTo("open: within opening hours 13:00-16:00");
        assertThat(afternoon.nextChangeAt()).isEqualTo(local("2026-03-02T16:00"));
        // next Monday
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-02T16:00")).nextChangeAt())
                .isEqualTo(local("2026-03-09T08:00"));
    }

    @Test
    void touchingIntervalsCountAsOneOpening() {
        WeeklyHours touching = new WeeklyHours(java.util.Map.of(DayOfWeek.MONDAY, List.of(
                OpeningInterval.of("09:00", "12:00"), OpeningInterval.of("12:00", "15:00"))));
        Rotation rotation = rotation(RotationSchedule.defaults().withHours(Line.NATIONAL, touching));

        DutyAnswer morning = rotation.onDuty(Line.NATIONAL, local("2026-03-02T10:00"));

        assertThat(morning.nextChangeAt()).isEqualTo(local("2026-03-02T15:00"));
        assertThat(morning.rule().open().explanation()).isEqualTo("open: within opening hours 09:00-15:00");
    }

    @Test
    void closingAtMidnightMeansTheEndOfTheDay() {
        WeeklyHours allDayMonday = new WeeklyHours(java.util.Map.of(DayOfWeek.MONDAY,
                List.of(OpeningInterval.of("00:00", "00:00"))));
        Rotation rotation = rotation(RotationSchedule.defaults().withHours(Line.NATIONAL, allDayMonday));

        DutyAnswer monday = rotation.onDuty(Line.NATIONAL, local("2026-03-02T00:00"));

        assertThat(monday.open()).isTrue();
        assertThat(monday.rule().open().explanation()).isEqualTo("open: within opening hours 00:00-24:00");
        assertThat(monday.nextChangeAt()).isEqualTo(local("2026-03-03T00:00"));
    }

    @Test
    void lineOpenAroundTheClockChangesOnlyWithTheMonth() {
        WeeklyHours always = WeeklyHours.on(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        Rotation rotation = rotation(RotationSchedule.defaults()
                .withHours(Line.NATIONAL, always)
                .withClosureSettings(ClosureSettings.nothingClosed()));

        DutyAnswer answer = rotation.onDuty(Line.NATIONAL, local("2026-03-10T03:00"));

        assertThat(answer.open()).isTrue();
        assertThat(answer.nextChangeAt()).isEqualTo(local("2026-04-01T00:00"));
    }

    @Test
    void lineThatNeverOpensAndNeverChangesSiteHasNoNextChange() {
        Rotation rotation = rotation(RotationSchedule.defaults().withHours(Line.COPENHAGEN_LOCAL, WeeklyHours.closed()));

        DutyAnswer answer = rotation.onDuty(Line.COPENHAGEN_LOCAL, local("2026-03-10T10:00"));

        assertThat(answer.open()).isFalse();
        assertThat(answer.site()).isEqualTo(Site.COPENHAGEN);
        assertThat(answer.nextChangeAt()).isNull();
    }

    @Test
    void nextChangeIsFoundUpToFourHundredDaysAheadAndNoFurther() {
        WeeklyHours always = WeeklyHours.on(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        RotationSchedule openAlways = RotationSchedule.defaults()
                .withHours(Line.COPENHAGEN_LOCAL, always)
                .withClosureSettings(ClosureSettings.nothingClosed());
        Instant at = local("2026-03-10T10:00");

        Rotation closureIn399Days = rotation(openAlways.withClosureDates(List.of(
                new ClosureDate(java.time.LocalDate.of(2026, 3, 10).plusDays(399), Line.COPENHAGEN_LOCAL, "far"))));
        Rotation closureIn402Days = rotation(openAlways.withClosureDates(List.of(
                new ClosureDate(java.time.LocalDate.of(2026, 3, 10).plusDays(402), Line.COPENHAGEN_LOCAL, "too far"))));

        assertThat(closureIn399Days.onDuty(Line.COPENHAGEN_LOCAL, at).nextChangeAt())
                .isEqualTo(Rotation.startOf(java.time.LocalDate.of(2026, 3, 10).plusDays(399)));
        assertThat(closureIn402Days.onDuty(Line.COPENHAGEN_LOCAL, at).nextChangeAt()).isNull();
    }

    @Test
    void copenhagenLocalLineKeepsItsOwnHours() {
        WeeklyHours longerDay = WeeklyHours.mondayToFriday(LocalTime.of(8, 0), LocalTime.of(16, 30));
        Rotation rotation = rotation(RotationSchedule.defaults().withHours(Line.COPENHAGEN_LOCAL, longerDay));

        DutyAnswer local8 = rotation.onDuty(Line.COPENHAGEN_LOCAL, local("2026-03-02T08:00"));
        DutyAnswer national8 = rotation.onDuty(Line.NATIONAL, local("2026-03-02T08:00"));
        DutyAnswer local16 = rotation.onDuty(Line.COPENHAGEN_LOCAL, local("2026-03-02T16:00"));
        DutyAnswer national16 = rotation.onDuty(Line.NATIONAL, local("2026-03-02T16:00"));

        assertThat(local8.open()).isTrue();
        assertThat(local8.site()).isEqualTo(Site.COPENHAGEN);
        assertThat(national8.open()).isFalse();
        assertThat(local16.open()).isTrue();
        assertThat(local16.nextChangeAt()).isEqualTo(local("2026-03-02T16:30"));
        assertThat(national16.open()).isFalse();
    }

    @Test
    void weekendIsClosedByDefaultOnBothLines() {
        Rotation rotation = defaultRotation();

        for (Line line : Line.values()) {
            DutyAnswer saturday = rotation.onDuty(line, local("2026-03-07T11:00"));
            assertThat(saturday.open()).as(line.name()).isFalse();
            assertThat(saturday.rule().open().kind()).isEqualTo(RuleKind.OUTSIDE_HOURS);
        }
    }

    @Test
    void answersDoNotDependOnTheZoneOfTheClock() {
        Rotation utc = defaultRotation();
        Rotation tokyo = new Rotation(RotationSchedule.defaults(),
                java.time.Clock.fixed(Instant.parse("2026-03-02T08:30:00Z"), java.time.ZoneId.of("Asia/Tokyo")));

        assertThat(tokyo.onDuty(Line.NATIONAL)).isEqualTo(utc.onDuty(Line.NATIONAL, Instant.parse("2026-03-02T08:30:00Z")));
    }
}
