package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;

import static dk.hotline.core.rotation.domain.RotationFixtures.date;
import static dk.hotline.core.rotation.domain.RotationFixtures.local;
import static dk.hotline.core.rotation.domain.RotationFixtures.override;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScheduleValidatorTest {

    private static final RotationSchedule VALID = RotationSchedule.defaults();

    private static List<String> fields(RotationSchedule schedule) {
        return ScheduleValidator.validate(schedule).stream().map(Violation::field).toList();
    }

    @Test
    void defaultScheduleIsValid() {
        assertThat(ScheduleValidator.validate(VALID)).isEmpty();
    }

    @Test
    void missingScheduleIsRefused() {
        assertThat(fields(null)).containsExactly("schedule");
    }

    @Test
    void missingAnchorIsRefused() {
        assertThat(ScheduleValidator.validate(VALID.withPattern(null)))
                .containsExactly(new Violation("pattern", "anchor is missing: name a month and the site that staffs it"));
        assertThat(fields(VALID.withPattern(new DutyPattern(null, Site.AARHUS)))).containsExactly("pattern.anchorMonth");
        assertThat(fields(VALID.withPattern(new DutyPattern(YearMonth.of(2026, 1), null)))).containsExactly("pattern.anchorSite");
    }

    @Test
    void anchorOutsideTheSupportedYearsIsRefused() {
        assertThat(fields(VALID.withPattern(new DutyPattern(YearMonth.of(1850, 1), Site.AARHUS))))
                .containsExactly("pattern.anchorMonth");
    }

    @Test
    void negativeVersionIsRefused() {
        assertThat(fields(VALID.withVersion(-1))).containsExactly("version");
    }

    @Test
    void duplicateMonthAssignmentIsRefusedNamingTheSecond() {
        RotationSchedule schedule = VALID.withMonthAssignments(List.of(
                new MonthAssignment(YearMonth.of(2026, 3), Site.AARHUS, "a"),
                new MonthAssignment(YearMonth.of(2026, 4), Site.COPENHAGEN, "b"),
                new MonthAssignment(YearMonth.of(2026, 3), Site.COPENHAGEN, "c")));

        assertThat(ScheduleValidator.validate(schedule)).containsExactly(
                new Violation("monthAssignments[2].month", "duplicate assignment of 2026-03 (also monthAssignments[0])"));
    }

    @Test
    void incompleteMonthAssignmentsAreRefused() {
        RotationSchedule schedule = VALID.withMonthAssignments(Arrays.asList(
                new MonthAssignment(null, Site.AARHUS, null),
                new MonthAssignment(YearMonth.of(2026, 5), null, null),
                null,
                new MonthAssignment(YearMonth.of(2026, 6), Site.AARHUS, "x".repeat(501))));

        assertThat(fields(schedule)).containsExactly(
                "monthAssignments[0].month", "monthAssignments[1].site", "monthAssignments[2]",
                "monthAssignments[3].reason");
    }

    @Test
    void overrideFromNotBeforeToIsRefused() {
        Instant at = local("2026-03-10T12:00");
        RotationSchedule schedule = VALID.withOverrides(List.of(
                override("2026-03-01T09:00", "2026-03-01T10:00", Site.AARHUS, "fine"),
                new OverrideWindow(UUID.randomUUID(), at, at, Site.AARHUS, "empty"),
                new OverrideWindow(UUID.randomUUID(), at.plusSeconds(60), at, Site.AARHUS, "reversed")));

        List<Violation> violations = ScheduleValidator.validate(schedule);

        assertThat(violations).extracting(Violation::field).containsExactly("overrides[1].from", "overrides[2].from");
        assertThat(violations.get(0).message()).startsWith("must be before to");
    }

    @Test
    void overlappingOverridesAreRefusedNamingBoth() {
        RotationSchedule schedule = VALID.withOverrides(List.of(
                override("2026-03-10T09:00", "2026-03-12T09:00", Site.AARHUS, "a"),
                override("2026-03-20T09:00", "2026-03-21T09:00", Site.AARHUS, "b"),
                override("2026-03-11T09:00", "2026-03-11T10:00", Site.COPENHAGEN, "inside a")));

        assertThat(ScheduleValidator.validate(schedule)).containsExactly(new Violation("overrides[2].from",
                "overlaps overrides[0] (2026-03-10T08:00:00Z to 2026-03-12T08:00:00Z)"));
    }

    @Test
    void overlapIsFoundWhicheverOrderTheOverridesComeIn() {
        RotationSchedule schedule = VALID.withOverrides(List.of(
                override("2026-03-11T09:00", "2026-03-13T09:00", Site.COPENHAGEN, "later"),
                override("2026-03-10T09:00", "2026-03-11T09:01", Site.AARHUS, "earlier")));

        assertThat(fields(schedule)).containsExactly("overrides[1].from");
    }

    @Test
    void touchingOverridesAreAllowed() {
        RotationSchedule schedule = VALID.withOverrides(List.of(
                override("2026-03-10T09:00", "2026-03-11T09:00", Site.AARHUS, "a"),
                override("2026-03-11T09:00", "2026-03-12T09:00", Site.COPENHAGEN, "b")));

        assertThat(ScheduleValidator.validate(schedule)).isEmpty();
    }

    @Test
    void incompleteOverridesAreRefused() {
        UUID id = UUID.randomUUID();
        Instant from = local("2026-03-10T09:00");
        Instant to = local("2026-03-10T10:00");
        RotationSchedule schedule = VALID.withOverrides(Arrays.asList(
                new OverrideWindow(null, from, to, Site.AARHUS, null),
                new OverrideWindow(id, null, to, Site.AARHUS, null),
                new OverrideWindow(UUID.randomUUID(), from, null, Site.AARHUS, null),
                new OverrideWindow(UUID.randomUUID(), from.plusSeconds(86400), to.plusSeconds(86400), null, null),
                null,
                new OverrideWindow(id, from.plusSeconds(2 * 86400), to.plusSeconds(2 * 86400), Site.AARHUS, null)));

        assertThat(fields(schedule)).containsExactly(
                "overrides[0].id", "overrides[1].from", "overrides[2].to", "overrides[3].site", "overrides[4]",
                "overrides[5].id");
    }

    @Test
    void overrideOutsideTheSupportedYearsIsRefused() {
        RotationSchedule schedule = VALID.withOverrides(List.of(new OverrideWindow(UUID.randomUUID(),
                Instant.parse("2026-03-10T09:00:00Z"), Instant.MAX, Site.AARHUS, null)));

        assertThat(fields(schedule)).containsExactly("overrides[0].to");
    }

    @Test
    void openingIntervalThatDoesNotOpenBeforeItClosesIsRefused() {
        WeeklyHours hours = new WeeklyHours(Map.of(DayOfWeek.MONDAY, List.of(
                OpeningInterval.of("09:00", "15:00"), OpeningInterval.of("17:00", "16:00")),
                DayOfWeek.TUESDAY, List.of(OpeningInterval.of("10:00", "10:00"))));

        List<Violation> violations = ScheduleValidator.validate(VALID.withHours(Line.NATIONAL, hours));

        assertThat(violations).extracting(Violation::field).containsExactly(
                "weeklyHours.NATIONAL.days.MONDAY[1].opens", "weeklyHours.NATIONAL.days.TUESDAY[0].opens");
        assertThat(violations.get(0).message()).startsWith("must be before closes (16:00)");
    }

    @Test
    void overlappingOpeningIntervalsAreRefused() {
        WeeklyHours hours = new WeeklyHours(Map.of(DayOfWeek.WEDNESDAY, List.of(
                OpeningInterval.of("12:00", "15:00"), OpeningInterval.of("09:00", "12:30"))));

        assertThat(ScheduleValidator.validate(VALID.withHours(Line.COPENHAGEN_LOCAL, hours))).containsExactly(
                new Violation("weeklyHours.COPENHAGEN_LOCAL.days.WEDNESDAY[1].opens", "overlaps WEDNESDAY[0] 12:00-15:00"));
    }

    @Test
    void intervalUntilMidnightOverlapsALaterOne() {
        WeeklyHours hours = new WeeklyHours(Map.of(DayOfWeek.FRIDAY, List.of(
                OpeningInterval.of("20:00", "00:00"), OpeningInterval.of("22:00", "23:00"))));

        assertThat(fields(VALID.withHours(Line.NATIONAL, hours)))
                .containsExactly("weeklyHours.NATIONAL.days.FRIDAY[1].opens");
    }

    @Test
    void touchingAndMidnightIntervalsAreAllowed() {
        WeeklyHours hours = new WeeklyHours(Map.of(
                DayOfWeek.MONDAY, List.of(OpeningInterval.of("09:00", "12:00"), OpeningInterval.of("12:00", "15:00")),
                DayOfWeek.SUNDAY, List.of(OpeningInterval.of("00:00", "00:00"))));

        assertThat(ScheduleValidator.validate(VALID.withHours(Line.NATIONAL, hours))).isEmpty();
    }

    @Test
    void incompleteOpeningIntervalsAreRefused() {
        Map<DayOfWeek, List<OpeningInterval>> days = new HashMap<>();
        days.put(DayOfWeek.MONDAY, Arrays.asList(new OpeningInterval(null, LocalTime.NOON),
                new OpeningInterval(LocalTime.NOON, null), null));
        days.put(DayOfWeek.TUESDAY, null);

        assertThat(fields(VALID.withHours(Line.NATIONAL, new WeeklyHours(days)))).containsExactly(
                "weeklyHours.NATIONAL.days.MONDAY[0].opens", "weeklyHours.NATIONAL.days.MONDAY[1].closes",
                "weeklyHours.NATIONAL.days.MONDAY[2]", "weeklyHours.NATIONAL.days.TUESDAY");
    }

    @Test
    void missingHoursOfALineAreRefusedButAnEmptyWeekIsAllowed() {
        Map<Line, WeeklyHours> onlyNational = new EnumMap<>(Line.class);
        onlyNational.put(Line.NATIONAL, WeeklyHours.mondayToFriday(LocalTime.of(9, 0), LocalTime.of(15, 0)));

        assertThat(fields(VALID.withWeeklyHours(onlyNational))).containsExactly("weeklyHours.COPENHAGEN_LOCAL");
        assertThat(ScheduleValidator.validate(VALID.withHours(Line.COPENHAGEN_LOCAL, WeeklyHours.closed()))).isEmpty();
    }

    @Test
    void missingClosureSettingsAreRefused() {
        assertThat(fields(VALID.withClosureSettings(null))).containsExactly("closureSettings");
    }

    @Test
    void reducedDayRulesMustBeComplete() {
        ClosureSettings settings = ClosureSettings.defaults()
                .withReducedDay(ReducedDay.NYTAARSAFTENSDAG, new ReducedDayRule(ReducedDayMode.CLOSES_EARLY, null))
                .withReducedDay(ReducedDay.JULEAFTENSDAG, new ReducedDayRule(ReducedDayMode.CLOSED, LocalTime.NOON))
                .withReducedDay(ReducedDay.GRUNDLOVSDAG, new ReducedDayRule(null, null))
                .withReducedDay(ReducedDay.ARBEJDERNES_KAMPDAG, ReducedDayRule.closesEarlyAt(LocalTime.MIDNIGHT));

        assertThat(fields(VALID.withClosureSettings(settings))).containsExactlyInAnyOrder(
                "closureSettings.reducedDays.NYTAARSAFTENSDAG.closesAt",
                "closureSettings.reducedDays.JULEAFTENSDAG.closesAt",
                "closureSettings.reducedDays.GRUNDLOVSDAG.mode",
                "closureSettings.reducedDays.ARBEJDERNES_KAMPDAG.closesAt");
    }

    @Test
    void duplicateClosureDatesAreRefused() {
        RotationSchedule schedule = VALID.withClosureDates(List.of(
                new ClosureDate(date("2026-03-11"), Line.NATIONAL, "a"),
                new ClosureDate(date("2026-03-11"), Line.COPENHAGEN_LOCAL, "other line: fine"),
                new ClosureDate(date("2026-03-11"), null, "both lines clash"),
                new ClosureDate(date("2026-03-12"), null, "fine"),
                new ClosureDate(date("2026-03-12"), Line.NATIONAL, "clashes with both")));

        assertThat(ScheduleValidator.validate(schedule)).containsExactly(
                new Violation("closureDates[2].date", "duplicate closure on 2026-03-11 (also closureDates[0])"),
                new Violation("closureDates[4].date", "duplicate closure on 2026-03-12 (also closureDates[3])"));
    }

    @Test
    void incompleteClosureDatesAreRefused() {
        RotationSchedule schedule = VALID.withClosureDates(Arrays.asList(
                new ClosureDate(null, null, "no date"), null, new ClosureDate(date("2400-01-01"), null, null)));

        assertThat(fields(schedule)).containsExactly("closureDates[0].date", "closureDates[1]", "closureDates[2].date");
    }

    @Test
    void tooManyEntriesAreRefusedWithoutCheckingEachOne() {
        List<OverrideWindow> overrides = new ArrayList<>();
        List<ClosureDate> closures = new ArrayList<>();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i <= ScheduleValidator.MAX_ENTRIES; i++) {
            overrides.add(new OverrideWindow(UUID.randomUUID(), start.plusSeconds(3600L * i),
                    start.plusSeconds(3600L * i + 1800), Site.AARHUS, null));
            closures.add(new ClosureDate(date("2026-01-01").plusDays(i), null, null));
        }

        assertThat(ScheduleValidator.validate(VALID.withOverrides(overrides).withClosureDates(closures)))
                .containsExactly(new Violation("overrides", "at most 1000 entries"),
                        new Violation("closureDates", "at most 1000 entries"));
        assertThat(ScheduleValidator.validate(VALID.withOverrides(overrides.subList(0, ScheduleValidator.MAX_ENTRIES))))
                .isEmpty();
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        RotationSchedule schedule = new RotationSchedule(-3, null, null, null, null, null, null);

        assertThat(fields(schedule)).containsExactly("version", "pattern", "weeklyHours.NATIONAL",
                "weeklyHours.COPENHAGEN_LOCAL", "closureSettings");
    }

    @Test
    void rotationRefusesAnInvalidScheduleCarryingItsViolations() {
        RotationSchedule schedule = VALID.withPattern(null).withOverrides(List.of(
                override("2026-03-10T09:00", "2026-03-10T08:00", Site.AARHUS, "reversed")));

        assertThatThrownBy(() -> new Rotation(schedule, RotationFixtures.CLOCK))
                .isInstanceOfSatisfying(ScheduleViolationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::field)
                            .containsExactly("pattern", "overrides[0].from");
                    assertThat(e.getMessage()).contains("pattern: anchor is missing");
                });
    }

    @Test
    void scheduleIsImmutable() {
        List<MonthAssignment> assignments = new ArrayList<>();
        assignments.add(new MonthAssignment(YearMonth.of(2026, 3), Site.AARHUS, null));
        RotationSchedule schedule = VALID.withMonthAssignments(assignments);

        assignments.clear();

        assertThat(schedule.monthAssignments()).hasSize(1);
        assertThatThrownBy(() -> schedule.monthAssignments().add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> schedule.weeklyHours().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void defaultScheduleIsTheDocumentedOne() {
        RotationSchedule defaults = RotationSchedule.defaults();

        assertThat(defaults.version()).isZero();
        assertThat(defaults.pattern()).isEqualTo(new DutyPattern(YearMonth.of(2026, 1), Site.COPENHAGEN));
        assertThat(defaults.monthAssignments()).isEmpty();
        assertThat(defaults.overrides()).isEmpty();
        assertThat(defaults.closureDates()).isEmpty();
        for (Line line : Line.values()) {
            WeeklyHours hours = defaults.hoursOf(line);
            for (DayOfWeek day : DayOfWeek.values()) {
                List<OpeningInterval> expected = day.getValue() <= 5
                        ? List.of(OpeningInterval.of("09:00", "15:00")) : List.of();
                assertThat(hours.intervalsOn(day)).as("%s %s", line, day).isEqualTo(expected);
            }
        }
        assertThat(defaults.closureSettings().publicHolidaysClosed()).isTrue();
        assertThat(defaults.closureSettings().ruleFor(ReducedDay.GRUNDLOVSDAG)).isEqualTo(ReducedDayRule.closed());
        assertThat(defaults.closureSettings().ruleFor(ReducedDay.JULEAFTENSDAG)).isEqualTo(ReducedDayRule.closed());
        assertThat(defaults.closureSettings().ruleFor(ReducedDay.NYTAARSAFTENSDAG)).isEqualTo(ReducedDayRule.closed());
        assertThat(defaults.closureSettings().ruleFor(ReducedDay.ARBEJDERNES_KAMPDAG))
                .isEqualTo(ReducedDayRule.openAsUsual());
    }
}
