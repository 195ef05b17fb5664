package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;

import static dk.hotline.core.rotation.domain.RotationFixtures.date;
import static dk.hotline.core.rotation.domain.RotationFixtures.local;
import static dk.hotline.core.rotation.domain.RotationFixtures.override;
import static dk.hotline.core.rotation.domain.RotationFixtures.rotation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks the rotation against a deliberately naive reading of the rules, written
 * apart from the production code: local wall-clock comparisons instead of
 * instant ranges, and holidays from Gauss's Easter formula.
 */
class ReferenceModelTest {

    private static final RotationSchedule SCHEDULE = RotationSchedule.defaults()
            .withMonthAssignments(List.of(
                    new MonthAssignment(YearMonth.of(2026, 5), Site.COPENHAGEN, "swap"),
                    new MonthAssignment(YearMonth.of(2026, 6), Site.AARHUS, "swap back")))
            .withOverrides(List.of(
                    override("2026-03-10T12:00", "2026-03-12T12:00", Site.AARHUS, "course"),
                    override("2026-03-28T20:00", "2026-03-29T10:00", Site.AARHUS, "over the spring-forward night"),
                    override("2026-09-30T13:00", "2026-10-01T10:30", Site.COPENHAGEN, "across the month"),
                    override("2026-10-24T18:00", "2026-10-26T11:00", Site.COPENHAGEN, "over the fall-back night")))
            .withHours(Line.NATIONAL, new WeeklyHours(Map.of(
                    DayOfWeek.MONDAY, List.of(OpeningInterval.of("09:00", "15:00")),
                    DayOfWeek.TUESDAY, List.of(OpeningInterval.of("09:00", "12:00"), OpeningInterval.of("13:00", "16:00")),
                    DayOfWeek.WEDNESDAY, List.of(OpeningInterval.of("09:00", "15:00")),
                    DayOfWeek.THURSDAY, List.of(OpeningInterval.of("09:00", "19:00")),
                    DayOfWeek.FRIDAY, List.of(OpeningInterval.of("09:00", "14:00")),
                    DayOfWeek.SUNDAY, List.of(OpeningInterval.of("10:00", "00:00")))))
            .withHours(Line.COPENHAGEN_LOCAL, WeeklyHours.mondayToFriday(LocalTime.of(8, 0), LocalTime.of(16, 30)))
            .withClosureSettings(ClosureSettings.defaults()
                    .withReducedDay(ReducedDay.NYTAARSAFTENSDAG, ReducedDayRule.closesEarlyAt(LocalTime.of(12, 0)))
                    .withReducedDay(ReducedDay.GRUNDLOVSDAG, ReducedDayRule.openAsUsual()))
            .withClosureDates(List.of(
                    new ClosureDate(date("2026-08-12"), Line.NATIONAL, "seminar"),
                    new ClosureDate(date("2026-08-13"), null, "seminar day two")));

    private static boolean isHoliday(LocalDate date) {
        int year = date.getYear();
        int k = year / 100;
        int m = 15 + (3 * k + 3) / 4 - (8 * k + 13) / 25;
        int s = 2 - (3 * k + 3) / 4;
        int a = year % 19;
        int d = (19 * a + m) % 30;
        int r = (d + a / 11) / 29;
        int og = 21 + d - r;
        int sz = 7 - (year + year / 4 + s) % 7;
        int oe = 7 - (og - sz) % 7;
        LocalDate easter = LocalDate.of(year, Month.MARCH, 1).plusDays(og + oe - 1L);
        long offset = ChronoUnit.DAYS.between(easter, date);
        boolean easterBased = offset == -3 || offset == -2 || offset == 0 || offset == 1 || offset == 39
                || offset == 49 || offset == 50 || (offset == 26 && year <= 2023);
        return easterBased || (date.getMonth() == Month.JANUARY && date.getDayOfMonth() == 1)
                || (date.getMonth() == Month.DECEMBER && (date.getDayOfMonth() == 25 || date.getDayOfMonth() == 26));
    }

    private static Site expectedSite(Line line, Instant at) {
        if (line == Line.COPENHAGEN_LOCAL) {
            return Site.COPENHAGEN;
        }
        for (OverrideWindow window : SCHEDULE.overrides()) {
            if (!at.isBefore(window.from()) && at.isBefore(window.to())) {
                return window.site();
            }
        }
        YearMonth month = YearMonth.from(at.atZone(Rotation.ZONE));
        for (MonthAssignment assignment : SCHEDULE.monthAssignments()) {
            if (assignment.month().equals(month)) {
                return assignment.site();
            }
        }
        long months = (month.getYear() - 2026) * 12L + month.getMonthValue() - 1;
        return months % 2 == 0 ? Site.COPENHAGEN : Site.AARHUS;
    }

    private static boolean expectedOpen(Line line, Instant at) {
        LocalDateTime local = at.atZone(Rotation.ZONE).toLocalDateTime();
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        for (ClosureDate closure : SCHEDULE.closureDates()) {
            if (closure.date().equals(date) && (closure.line() == null || closure.line() == line)) {
                return false;
            }
        }
        if (isHoliday(date)) {
            return false;
        }
        boolean christmasEve = date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 24;
        if (christmasEve) {
            return false;
        }
        boolean newYearsEve = date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 31;
        if (newYearsEve && !time.isBefore(LocalTime.NOON)) {
            return false;
        }
        for (OpeningInterval interval : SCHEDULE.hoursOf(line).intervalsOn(date.getDayOfWeek())) {
            boolean afterOpening = !time.isBefore(interval.opens());
            boolean beforeClosing = interval.closes().equals(LocalTime.MIDNIGHT) || time.isBefore(interval.closes());
            if (afterOpening && beforeClosing) {
                return true;
            }
        }
        return false;
    }

    @Test
    void rotationAgreesWithAStraightforwardReadingOfTheRulesAllYear() {
        Rotation rotation = rotation(SCHEDULE);
        Duration step = Duration.ofMinutes(97);
        int checked = 0;
        for (Line line : Line.values()) {
            for (Instant at = local("2026-01-01T00:00"); at.isBefore(local("2027-01-03T00:00")); at = at.plus(step)) {
                DutyAnswer answer = rotation.onDuty(line, at);
                assertThat(answer.site()).as("%s site at %s", line, at).isEqualTo(expectedSite(line, at));
                assertThat(answer.open()).as("%s open at %s", line, at).isEqualTo(expectedOpen(line, at));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void nextChangeAtIsExactlyWhereTheNaiveReadingFirstDiffers() {
        Rotation rotation = rotation(SCHEDULE);
        Duration step = Duration.ofMinutes(313);
        for (Line line : Line.values()) {
            for (Instant at = local("2026-01-01T00:00"); at.isBefore(local("2027-01-03T00:00")); at = at.plus(step)) {
                DutyAnswer answer = rotation.onDuty(line, at);
                Instant next = answer.nextChangeAt();
                assertThat(next).as("%s next change after %s", line, at).isNotNull().isAfter(at);
                Instant justBefore = next.minusNanos(1);
                assertThat(expectedSite(line, justBefore)).isEqualTo(answer.site());
                assertThat(expectedOpen(line, justBefore)).isEqualTo(answer.open());
                boolean changes = expectedSite(line, next) != answer.site() || expectedOpen(line, next) != answer.open();
                assertThat(changes).as("%s changes at %s (asked at %s)", line, next, at).isTrue();
            }
        }
    }
}
