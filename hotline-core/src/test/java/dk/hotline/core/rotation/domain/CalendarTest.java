package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;

import static dk.hotline.core.rotation.domain.RotationFixtures.date;
import static dk.hotline.core.rotation.domain.RotationFixtures.defaultRotation;
import static dk.hotline.core.rotation.domain.RotationFixtures.override;
import static dk.hotline.core.rotation.domain.RotationFixtures.rotation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarTest {

    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime THREE_PM = LocalTime.of(15, 0);

    @Test
    void aprilWithEasterHasNineteenOpenDays() {
        List<DayPlan> april = defaultRotation().calendar(Line.NATIONAL, date("2026-04-01"), date("2026-04-30"));

        assertThat(april).hasSize(30);
        assertThat(april).extracting(DayPlan::date).startsWith(date("2026-04-01")).endsWith(date("2026-04-30"));
        // 22 weekdays minus Skærtorsdag, Langfredag and 2. påskedag
        assertThat(april).filteredOn(day -> !day.open().isEmpty()).hasSize(19);
        assertThat(april).flatExtracting(DayPlan::sites).containsOnly(Site.AARHUS);
        assertThat(april).filteredOn(day -> day.status().kind() == RuleKind.HOLIDAY)
                .extracting(day -> day.status().explanation()).containsExactly(
                        "closed: Skærtorsdag (Maundy Thursday)", "closed: Langfredag (Good Friday)",
                        "closed: Påskedag (Easter Sunday)", "closed: 2. påskedag (Easter Monday)");
    }

    @Test
    void ordinaryWeekdayIsOpenNineToThreeWithTheSiteOfTheMonth() {
        DayPlan day = defaultRotation().calendar(Line.NATIONAL, date("2026-03-03"), date("2026-03-03")).get(0);

        assertThat(day.sites()).containsExactly(Site.COPENHAGEN);
        assertThat(day.open()).containsExactly(new OpenPeriod(NINE, THREE_PM, Site.COPENHAGEN));
        assertThat(day.duty()).containsExactly(new DutySpan(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Site.COPENHAGEN,
                new Decision(RuleKind.PATTERN, "2026-03 is COPENHAGEN by alternation from anchor 2026-01 COPENHAGEN")));
        assertThat(day.status()).isEqualTo(new Decision(RuleKind.OPENING_HOURS, "open 09:00-15:00"));
    }

    @Test
    void weekendDayIsClosedForLackOfHours() {
        DayPlan saturday = defaultRotation().calendar(Line.NATIONAL, date("2026-03-07"), date("2026-03-07")).get(0);

        assertThat(saturday.open()).isEmpty();
        assertThat(saturday.status()).isEqualTo(new Decision(RuleKind.OUTSIDE_HOURS, "closed: no opening hours on SATURDAY"));
    }

    @Test
    void overrideSplitsTheDayBetweenTwoSites() {
        Rotation rotation = rotation(RotationSchedule.defaults().withOverrides(List.of(
                override("2026-03-10T12:00", "2026-03-12T12:00", Site.AARHUS, "course"))));

        List<DayPlan> days = rotation.calendar(Line.NATIONAL, date("2026-03-10"), date("2026-03-12"));

        assertThat(days.get(0).sites()).containsExactly(Site.COPENHAGEN, Site.AARHUS);
        assertThat(days.get(0).open()).containsExactly(
                new OpenPeriod(NINE, LocalTime.NOON, Site.COPENHAGEN),
                new OpenPeriod(LocalTime.NOON, THREE_PM, Site.AARHUS));
        assertThat(days.get(0).duty()).extracting(DutySpan::from, DutySpan::to, DutySpan::site).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalTime.MIDNIGHT, LocalTime.NOON, Site.COPENHAGEN),
                org.assertj.core.groups.Tuple.tuple(LocalTime.NOON, LocalTime.MIDNIGHT, Site.AARHUS));
        assertThat(days.get(0).duty().get(1).decision().kind()).isEqualTo(RuleKind.OVERRIDE);
        assertThat(days.get(1).sites()).containsExactly(Site.AARHUS);
        assertThat(days.get(1).open()).containsExactly(new OpenPeriod(NINE, THREE_PM, Site.AARHUS));
        assertThat(days.get(2).sites()).containsExactly(Site.AARHUS, Site.COPENHAGEN);
    }

    @Test
    void monthNeverSplitsADay() {
        List<DayPlan> days = defaultRotation().calendar(Line.NATIONAL, date("2026-01-25"), date("2026-03-05"));

        assertThat(days).allSatisfy(day -> assertThat(day.sites()).hasSize(1));
        assertThat(days).filteredOn(day -> day.date().getMonthValue() == 2)
                .allSatisfy(day -> assertThat(day.sites()).containsExactly(Site.AARHUS));
        assertThat(days).filteredOn(day -> day.date().getMonthValue() != 2)
                .allSatisfy(day -> assertThat(day.sites()).containsExactly(Site.COPENHAGEN));
    }

    @Test
    void daylightSavingDaysKeepLocalOpeningHours() {
        java.util.Map<DayOfWeek, List<OpeningInterval>> sundays =
                java.util.Map.of(DayOfWeek.SUNDAY, List.of(new OpeningInterval(NINE, THREE_PM)));
        Rotation rotation = rotation(RotationSchedule.defaults().withHours(Line.NATIONAL, new WeeklyHours(sundays)));

        DayPlan springForward = rotation.calendar(Line.NATIONAL, date("2026-03-29"), date("2026-03-29")).get(0);
        DayPlan fallBack = rotation.calendar(Line.NATIONAL, date("2026-10-25"), date("2026-10-25")).get(0);

        assertThat(springForward.open()).containsExactly(new OpenPeriod(NINE, THREE_PM, Site.COPENHAGEN));
        assertThat(fallBack.open()).containsExactly(new OpenPeriod(NINE, THREE_PM, Site.AARHUS));
    }

    @Test
    void reducedDayClosingEarlyShowsTheShortHours() {
        Rotation rotation = rotation(RotationSchedule.defaults().withClosureSettings(ClosureSettings.defaults()
                .withReducedDay(ReducedDay.NYTAARSAFTENSDAG, ReducedDayRule.closesEarlyAt(LocalTime.NOON))));

        DayPlan day = rotation.calendar(Line.NATIONAL, date("2026-12-31"), date("2026-12-31")).get(0);

        assertThat(day.open()).containsExactly(new OpenPeriod(NINE, LocalTime.NOON, Site.AARHUS));
        assertThat(day.status()).isEqualTo(new Decision(RuleKind.REDUCED_DAY,
                "open 09:00-12:00: Nytårsaftensdag (New Year's Eve), reduced day closing at 12:00"));
    }

    @Test
    void closedDaysGiveTheirReason() {
        Rotation rotation = rotation(RotationSchedule.defaults().withClosureDates(List.of(
                new ClosureDate(date("2026-12-28"), Line.NATIONAL, "Between the holidays"))));

        List<DayPlan> days = rotation.calendar(Line.NATIONAL, date("2026-12-24"), date("2026-12-28"));

        assertThat(days).extracting(day -> day.status().explanation()).containsExactly(
                "closed: Juleaftensdag (Christmas Eve), reduced day",
                "closed: Juledag (Christmas Day)",
                "closed: 2. juledag (Boxing Day)",
                "closed: no opening hours on SUNDAY",
                "closed: closure date (Between the holidays)");
        assertThat(days).allSatisfy(day -> assertThat(day.open()).isEmpty());
    }

    @Test
    void openUntilMidnightEndsAtMidnight() {
        java.util.Map<DayOfWeek, List<OpeningInterval>> lateShift =
                java.util.Map.of(DayOfWeek.TUESDAY, List.of(OpeningInterval.of("18:00", "00:00")));
        Rotation rotation = rotation(RotationSchedule.defaults().withHours(Line.COPENHAGEN_LOCAL, new WeeklyHours(lateShift)));

        DayPlan day = rotation.calendar(Line.COPENHAGEN_LOCAL, date("2026-03-03"), date("2026-03-03")).get(0);

        assertThat(day.open()).containsExactly(new OpenPeriod(LocalTime.of(18, 0), LocalTime.MIDNIGHT, Site.COPENHAGEN));
        assertThat(day.status().explanation()).isEqualTo("open 18:00-24:00");
    }

    @Test
    void calendarOverALeapFebruaryHasTwentyNineDays() {
        assertThat(defaultRotation().calendar(Line.NATIONAL, date("2028-02-01"), date("2028-02-29"))).hasSize(29);
        // 2100 is no leap year: the day after 28 February is 1 March, and it belongs to March's site
        List<DayPlan> end2100 = defaultRotation().calendar(Line.NATIONAL, date("2100-02-27"), date("2100-03-01"));
        assertThat(end2100).extracting(DayPlan::date)
                .containsExactly(date("2100-02-27"), date("2100-02-28"), date("2100-03-01"));
        assertThat(end2100.get(2).sites()).doesNotContainAnyElementsOf(end2100.get(1).sites());
    }

    @Test
    void calendarRefusesAReversedRange() {
        assertThatThrownBy(() -> defaultRotation().calendar(Line.NATIONAL, date("2026-03-02"), date("2026-03-01")))
                .isInstanceOfSatisfying(RotationQueryException.class,
                        e -> assertThat(e.violation().field()).isEqualTo("to"));
    }

    @Test
    void calendarRefusesMoreThanEightHundredDays() {
        assertThatThrownBy(() -> defaultRotation().calendar(Line.NATIONAL, date("2026-01-01"), date("2028-03-11")))
                .isInstanceOf(RotationQueryException.class);
        assertThat(defaultRotation().calendar(Line.NATIONAL, date("2026-01-01"), date("2026-01-01").plusDays(799)))
                .hasSize(800);
    }

    @Test
    void calendarRefusesMissingDates() {
        assertThatThrownBy(() -> defaultRotation().calendar(Line.NATIONAL, null, date("2026-03-01")))
                .isInstanceOfSatisfying(RotationQueryException.class,
                        e -> assertThat(e.violation().field()).isEqualTo("from"));
    }
}
