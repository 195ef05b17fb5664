package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;

import static dk.hotline.core.rotation.domain.RotationFixtures.date;
import static dk.hotline.core.rotation.domain.RotationFixtures.defaultRotation;
import static dk.hotline.core.rotation.domain.RotationFixtures.local;
import static dk.hotline.core.rotation.domain.RotationFixtures.rotation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClosuresTest {

    @ParameterizedTest(name = "{0} closed: {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-01-01 | Nytårsdag (New Year's Day)",
            "2026-04-02 | Skærtorsdag (Maundy Thursday)",
            "2026-04-03 | Langfredag (Good Friday)",
            "2026-04-06 | 2. påskedag (Easter Monday)",
            "2026-05-14 | Kristi himmelfartsdag (Ascension Day)",
            "2026-05-25 | 2. pinsedag (Whit Monday)",
            "2026-12-25 | Juledag (Christmas Day)",
            "2025-12-26 | 2. juledag (Boxing Day)",
    })
    void closedOnPublicHolidaysFallingOnWeekdays(String date, String name) {
        DutyAnswer answer = defaultRotation().onDuty(Line.NATIONAL, local(date + "T10:00"));

        assertThat(answer.open()).isFalse();
        assertThat(answer.rule().open().kind()).isEqualTo(RuleKind.HOLIDAY);
        assertThat(answer.rule().open().explanation()).isEqualTo("closed: " + name);
    }

    @Test
    void holidayClosesTheCopenhagenLocalLineToo() {
        DutyAnswer answer = defaultRotation().onDuty(Line.COPENHAGEN_LOCAL, local("2026-04-03T10:00"));

        assertThat(answer.open()).isFalse();
        assertThat(answer.site()).isEqualTo(Site.COPENHAGEN);
        assertThat(answer.rule().open().kind()).isEqualTo(RuleKind.HOLIDAY);
    }

    @Test
    void closedOnStoreBededagUntil2023() {
        DutyAnswer answer = defaultRotation().onDuty(Line.NATIONAL, local("2023-05-05T10:00"));

        assertThat(answer.open()).isFalse();
        assertThat(answer.rule().open().explanation()).isEqualTo("closed: Store bededag (General Prayer Day)");
    }

    @Test
    void openOnTheFormerStoreBededagIn2024And2025() {
        Rotation rotation = defaultRotation();

        DutyAnswer in2024 = rotation.onDuty(Line.NATIONAL, local("2024-04-26T10:00"));
        DutyAnswer in2025 = rotation.onDuty(Line.NATIONAL, local("2025-05-16T10:00"));

        assertThat(in2024.open()).isTrue();
        assertThat(in2024.rule().open().kind()).isEqualTo(RuleKind.OPENING_HOURS);
        assertThat(in2025.open()).isTrue();
    }

    @Test
    void easterClosesThursdayToMondayAndOpensTuesday() {
        DutyAnswer wednesdayEvening = defaultRotation().onDuty(Line.NATIONAL, local("2026-04-01T15:00"));

        assertThat(wednesdayEvening.nextChangeAt()).isEqualTo(local("2026-04-07T09:00"));
    }

    @Test
    void holidaysOpenAsUsualWhenSwitchedOff() {
        Rotation rotation = rotation(RotationSchedule.defaults()
                .withClosureSettings(ClosureSettings.defaults().withPublicHolidaysClosed(false)));

        DutyAnswer goodFriday = rotation.onDuty(Line.NATIONAL, local("2026-04-03T10:00"));

        assertThat(goodFriday.open()).isTrue();
        assertThat(goodFriday.rule().open().kind()).isEqualTo(RuleKind.OPENING_HOURS);
    }

    @Test
    void holidayOnAWeekendIsNamedAsTheReason() {
        // Easter Sunday with Sunday hours: the holiday decides, not the hours
        WeeklyHours everyDay = WeeklyHours.on(EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(15, 0));
        Rotation rotation = rotation(RotationSchedule.defaults().withHours(Line.NATIONAL, everyDay));

        DutyAnswer easter = rotation.onDuty(Line.NATIONAL, local("2026-04-05T10:00"));

        assertThat(easter.open()).isFalse();
        assertThat(easter.rule().open().explanation()).isEqualTo("closed: Påskedag (Easter Sunday)");
    }

    @ParameterizedTest(name = "{0} is a reduced day: {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-06-05 | Grundlovsdag (Constitution Day)",
            "2026-12-24 | Juleaftensdag (Christmas Eve)",
            "2026-12-31 | Nytårsaftensdag (New Year's Eve)",
    })
    void reducedDaysAreClosedByDefault(String date, String name) {
        DutyAnswer answer = defaultRotation().onDuty(Line.NATIONAL, local(date + "T10:00"));

        assertThat(answer.open()).isFalse();
        assertThat(answer.rule().open().kind()).isEqualTo(RuleKind.REDUCED_DAY);
        assertThat(answer.rule().open().explanation()).isEqualTo("closed: " + name + ", reduced day");
    }

    @Test
    void firstOfMayIsOpenAsUsualByDefault() {
        DutyAnswer answer = defaultRotation().onDuty(Line.NATIONAL, local("2026-05-01T10:00"));

        assertThat(answer.open()).isTrue();
        assertThat(answer.rule().open().kind()).isEqualTo(RuleKind.OPENING_HOURS);
    }

    @Test
    void firstOfMayClosesWhenSwitchedOn() {
        Rotation rotation = rotation(RotationSchedule.defaults().withClosureSettings(ClosureSettings.defaults()
                .withReducedDay(ReducedDay.ARBEJDERNES_KAMPDAG, ReducedDayRule.closed())));

        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-05-01T10:00")).open()).isFalse();
    }

    @Test
    void reducedDayOpensAsUsualWhenSwitchedOff() {
        Rotation rotation = rotation(RotationSchedule.defaults().withClosureSettings(ClosureSettings.defaults()
                .withReducedDay(ReducedDay.JULEAFTENSDAG, ReducedDayRule.openAsUsual())));

        DutyAnswer christmasEve = rotation.onDuty(Line.NATIONAL, local("2026-12-24T10:00"));
        DutyAnswer newYearsEve = rotation.onDuty(Line.NATIONAL, local("2026-12-31T10:00"));

        assertThat(christmasEve.open()).isTrue();
        assertThat(christmasEve.rule().open().kind()).isEqualTo(RuleKind.OPENING_HOURS);
        assertThat(newYearsEve.open()).isFalse();
    }

    @Test
    void reducedDayClosingEarlyCutsTheOrdinaryHours() {
        Rotation rotation = rotation(RotationSchedule.defaults().withClosureSettings(ClosureSettings.defaults()
                .withReducedDay(ReducedDay.NYTAARSAFTENSDAG, ReducedDayRule.closesEarlyAt(LocalTime.of(12, 0)))));

        DutyAnswer morning = rotation.onDuty(Line.NATIONAL, local("2026-12-31T09:30"));
        DutyAnswer afternoon = rotation.onDuty(Line.NATIONAL, local("2026-12-31T13:00"));

        assertThat(morning.open()).isTrue();
        assertThat(morning.rule().open().explanation()).isEqualTo(
                "open: within opening hours 09:00-12:00 (Nytårsaftensdag (New Year's Eve), reduced day closing at 12:00)");
        assertThat(morning.nextChangeAt()).isEqualTo(local("2026-12-31T12:00"));
        assertThat(afternoon.open()).isFalse();
        assertThat(afternoon.rule().open().kind()).isEqualTo(RuleKind.REDUCED_DAY);
        // the national line changes site at midnight (AARHUS to COPENHAGEN)
        assertThat(afternoon.nextChangeAt()).isEqualTo(local("2027-01-01T00:00"));
        // the local line stays COPENHAGEN: 1 January is a holiday, 2-3 January a weekend, it opens Monday 4 January
        assertThat(rotation.onDuty(Line.COPENHAGEN_LOCAL, local("2026-12-31T13:00")).nextChangeAt())
                .isEqualTo(local("2027-01-04T09:00"));
    }

    @Test
    void reducedDayClosingBeforeTheOrdinaryOpeningStaysClosed() {
        Rotation rotation = rotation(RotationSchedule.defaults().withClosureSettings(ClosureSettings.defaults()
                .withReducedDay(ReducedDay.GRUNDLOVSDAG, ReducedDayRule.closesEarlyAt(LocalTime.of(8, 0)))));

        DutyAnswer answer = rotation.onDuty(Line.NATIONAL, local("2026-06-05T10:00"));

        assertThat(answer.open()).isFalse();
        assertThat(answer.rule().open().kind()).isEqualTo(RuleKind.REDUCED_DAY);
    }

    @Test
    void holidayOnAReducedDayIsClosedAsAHoliday() {
        // 5 June 2006 was 2. pinsedag (Easter 2006-04-16 + 50)
        Rotation rotation = rotation(RotationSchedule.defaults().withClosureSettings(ClosureSettings.defaults()
                .withReducedDay(ReducedDay.GRUNDLOVSDAG, ReducedDayRule.openAsUsual())));

        DutyAnswer answer = rotation.onDuty(Line.NATIONAL, local("2006-06-05T10:00"));

        assertThat(answer.open()).isFalse();
        assertThat(answer.rule().open().explanation()).isEqualTo("closed: 2. pinsedag (Whit Monday)");
    }

    @Test
    void closureDateClosesBothLinesWhenNoLineIsNamed() {
        Rotation rotation = rotation(RotationSchedule.defaults().withClosureDates(List.of(
                new ClosureDate(date("2026-03-11"), null, "Staff seminar"))));

        for (Line line : Line.values()) {
            DutyAnswer answer = rotation.onDuty(line, local("2026-03-11T10:00"));
            assertThat(answer.open()).as(line.name()).isFalse();
            assertThat(answer.rule().open().kind()).isEqualTo(RuleKind.CLOSURE);
            assertThat(answer.rule().open().explanation()).isEqualTo("closed: closure date (Staff seminar)");
        }
    }

    @Test
    void closureDateForOneLineLeavesTheOtherOpen() {
        Rotation rotation = rotation(RotationSchedule.defaults().withClosureDates(List.of(
                new ClosureDate(date("2026-03-11"), Line.COPENHAGEN_LOCAL, "Phone system moves"))));

        assertThat(rotation.onDuty(Line.COPENHAGEN_LOCAL, local("2026-03-11T10:00")).open()).isFalse();
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-11T10:00")).open()).isTrue();
    }

    @Test
    void closureDateCoversTheWholeLocalDay() {
        Rotation rotation = rotation(RotationSchedule.defaults().withClosureDates(List.of(
                new ClosureDate(date("2026-03-11"), null, null))));

        DutyAnswer tuesdayAfternoon = rotation.onDuty(Line.NATIONAL, local("2026-03-10T14:00"));
        DutyAnswer closed = rotation.onDuty(Line.NATIONAL, local("2026-03-11T00:00"));

        assertThat(tuesdayAfternoon.nextChangeAt()).isEqualTo(local("2026-03-10T15:00"));
        assertThat(closed.rule().open().explanation()).isEqualTo("closed: closure date");
        assertThat(closed.nextChangeAt()).isEqualTo(local("2026-03-12T09:00"));
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-12T00:00").minusNanos(1)).rule().open().kind())
                .isEqualTo(RuleKind.CLOSURE);
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-12T00:00")).rule().open().kind())
                .isEqualTo(RuleKind.OUTSIDE_HOURS);
    }

    @Test
    void closureDateOnAHolidayNamesTheClosure() {
        Rotation rotation = rotation(RotationSchedule.defaults().withClosureDates(List.of(
                new ClosureDate(date("2026-04-03"), null, "Office move"))));

        DutyAnswer answer = rotation.onDuty(Line.NATIONAL, local("2026-04-03T10:00"));

        assertThat(answer.rule().open().kind()).isEqualTo(RuleKind.CLOSURE);
    }

    @Test
    void closuresDoNotChangeTheSiteOnDuty() {
        Rotation rotation = rotation(RotationSchedule.defaults().withClosureDates(List.of(
                new ClosureDate(date("2026-02-11"), null, "Seminar"))));

        DutyAnswer answer = rotation.onDuty(Line.NATIONAL, local("2026-02-11T10:00"));

        assertThat(answer.site()).isEqualTo(Site.AARHUS);
        assertThat(answer.rule().site().kind()).isEqualTo(RuleKind.PATTERN);
    }

    @Test
    void nothingClosedLeavesOnlyTheOpeningHours() {
        Rotation rotation = rotation(RotationSchedule.defaults().withClosureSettings(ClosureSettings.nothingClosed()));

        for (String day : List.of("2026-01-01", "2026-04-03", "2026-06-05", "2026-12-24", "2026-12-31", "2026-05-01")) {
            assertThat(rotation.onDuty(Line.NATIONAL, local(day + "T10:00")).open()).as(day).isTrue();
        }
    }
}
