package dk.hotline.core.rotation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DanishHolidaysTest {

    /**
     * Easter Sunday by Gauss's Easter formula in Lichtenberg's corrected form (secular
     * moon and sun equations), an independent computation from the Meeus/Jones/Butcher
     * algorithm in production code.
     */
    private static LocalDate easterByGaussLichtenberg(int year) {
        int k = year / 100;
        int m = 15 + (3 * k + 3) / 4 - (8 * k + 13) / 25;
        int s = 2 - (3 * k + 3) / 4;
        int a = year % 19;
        int d = (19 * a + m) % 30;
        int r = (d + a / 11) / 29;
        int og = 21 + d - r;
        int sz = 7 - (year + year / 4 + s) % 7;
        int oe = 7 - (og - sz) % 7;
        int os = og + oe;
        return LocalDate.of(year, Month.MARCH, 1).plusDays(os - 1L);
    }

    @Test
    void easterSundayAgreesWithGaussForEveryYearFrom2000To2100() {
        for (int year = 2000; year <= 2100; year++) {
            assertThat(DanishHolidays.easterSunday(year)).as("Easter %d", year)
                    .isEqualTo(easterByGaussLichtenberg(year));
        }
    }

    @Test
    void easterSundayIsASundayBetween22MarchAnd25AprilInEverySupportedYear() {
        for (int year = 1900; year <= 2299; year++) {
            LocalDate easter = DanishHolidays.easterSunday(year);
            assertThat(easter.getDayOfWeek()).as("weekday of Easter %d", year).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(easter).as("Easter %d", year)
                    .isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
            assertThat(easter).as("Easter %d", year).isEqualTo(easterByGaussLichtenberg(year));
        }
    }

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({
            "2000, 2000-04-23",
            "2008, 2008-03-23",
            "2011, 2011-04-24",
            "2019, 2019-04-21",
            "2023, 2023-04-09",
            "2024, 2024-03-31",
            "2025, 2025-04-20",
            "2026, 2026-04-05",
            "2038, 2038-04-25",
            "2100, 2100-03-28",
            "2285, 2285-03-22",
    })
    void easterSundayMatchesKnownDates(int year, LocalDate easter) {
        assertThat(DanishHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void easterIsRefusedBeforeTheGregorianCalendar() {
        assertThatThrownBy(() -> DanishHolidays.easterSunday(1582)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void holidaysOf2026FollowTheEasterOffsetsAndFixedDates() {
        assertThat(DanishHolidays.publicHolidays(2026)).containsExactly(
                new Holiday(LocalDate.of(2026, 1, 1), PublicHoliday.NYTAARSDAG),
                new Holiday(LocalDate.of(2026, 4, 2), PublicHoliday.SKAERTORSDAG),
                new Holiday(LocalDate.of(2026, 4, 3), PublicHoliday.LANGFREDAG),
                new Holiday(LocalDate.of(2026, 4, 5), PublicHoliday.PAASKEDAG),
                new Holiday(LocalDate.of(2026, 4, 6), PublicHoliday.ANDEN_PAASKEDAG),
                new Holiday(LocalDate.of(2026, 5, 14), PublicHoliday.KRISTI_HIMMELFARTSDAG),
                new Holiday(LocalDate.of(2026, 5, 24), PublicHoliday.PINSEDAG),
                new Holiday(LocalDate.of(2026, 5, 25), PublicHoliday.ANDEN_PINSEDAG),
                new Holiday(LocalDate.of(2026, 12, 25), PublicHoliday.JULEDAG),
                new Holiday(LocalDate.of(2026, 12, 26), PublicHoliday.ANDEN_JULEDAG));
    }

    @Test
    void storeBededagIsTheFourthFridayAfterEasterUntil2023() {
        assertThat(DanishHolidays.holidayOn(LocalDate.of(2023, 5, 5)))
                .map(Holiday::holiday).contains(PublicHoliday.STORE_BEDEDAG);
        assertThat(DanishHolidays.holidayOn(LocalDate.of(2022, 5, 13)))
                .map(Holiday::holiday).contains(PublicHoliday.STORE_BEDEDAG);
        assertThat(LocalDate.of(2023, 5, 5).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(DanishHolidays.publicHolidays(2023)).hasSize(11);
    }

    @Test
    void storeBededagIsNoHolidayFrom2024() {
        assertThat(DanishHolidays.holidayOn(LocalDate.of(2024, 4, 26))).isEmpty();
        assertThat(DanishHolidays.holidayOn(LocalDate.of(2025, 5, 16))).isEmpty();
        assertThat(PublicHoliday.STORE_BEDEDAG.dateIn(2024)).isEmpty();
        assertThat(DanishHolidays.publicHolidays(2024)).hasSize(10)
                .extracting(Holiday::holiday).doesNotContain(PublicHoliday.STORE_BEDEDAG);
    }

    @Test
    void storeBededagIsTwentySixDaysAfterEasterInEveryYearUpTo2023() {
        for (int year = 1900; year <= 2023; year++) {
            LocalDate date = PublicHoliday.STORE_BEDEDAG.dateIn(year).orElseThrow();
            assertThat(date.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
            assertThat(date).isEqualTo(easterByGaussLichtenberg(year).plusDays(26));
        }
    }

    @Test
    void everyYearFrom2024HasTheTenOfficialHolidays() {
        for (int year = 2024; year <= 2100; year++) {
            LocalDate easter = easterByGaussLichtenberg(year);
            assertThat(DanishHolidays.publicHolidays(year)).extracting(Holiday::date).containsExactly(
                    LocalDate.of(year, 1, 1), easter.minusDays(3), easter.minusDays(2), easter, easter.plusDays(1),
                    easter.plusDays(39), easter.plusDays(49), easter.plusDays(50),
                    LocalDate.of(year, 12, 25), LocalDate.of(year, 12, 26));
        }
    }

    @Test
    void ascensionIsAlwaysAThursdayAndWhitMondayAMonday() {
        for (int year = 2000; year <= 2100; year++) {
            assertThat(PublicHoliday.KRISTI_HIMMELFARTSDAG.dateIn(year).orElseThrow().getDayOfWeek())
                    .isEqualTo(DayOfWeek.THURSDAY);
            assertThat(PublicHoliday.ANDEN_PINSEDAG.dateIn(year).orElseThrow().getDayOfWeek())
                    .isEqualTo(DayOfWeek.MONDAY);
            assertThat(PublicHoliday.SKAERTORSDAG.dateIn(year).orElseThrow().getDayOfWeek())
                    .isEqualTo(DayOfWeek.THURSDAY);
        }
    }

    @Test
    void holidaysCarryDanishNamesForDisplay() {
        assertThat(PublicHoliday.LANGFREDAG.displayName()).isEqualTo("Langfredag (Good Friday)");
        assertThat(PublicHoliday.ANDEN_PINSEDAG.danishName()).isEqualTo("2. pinsedag");
        assertThat(PublicHoliday.KRISTI_HIMMELFARTSDAG.danishName()).isEqualTo("Kristi himmelfartsdag");
        assertThat(ReducedDay.NYTAARSAFTENSDAG.displayName()).isEqualTo("Nytårsaftensdag (New Year's Eve)");
    }

    @Test
    void ordinaryDaysAreNoHoliday() {
        assertThat(DanishHolidays.holidayOn(LocalDate.of(2026, 3, 2))).isEmpty();
        assertThat(DanishHolidays.holidayOn(LocalDate.of(2026, 12, 24))).isEmpty();
        assertThat(DanishHolidays.holidayOn(LocalDate.of(2026, 6, 5))).isEmpty();
    }

    @Test
    void reducedDaysAreRecognisedByDate() {
        assertThat(DanishHolidays.reducedDayOn(LocalDate.of(2026, 6, 5))).contains(ReducedDay.GRUNDLOVSDAG);
        assertThat(DanishHolidays.reducedDayOn(LocalDate.of(2026, 12, 24))).contains(ReducedDay.JULEAFTENSDAG);
        assertThat(DanishHolidays.reducedDayOn(LocalDate.of(2026, 12, 31))).contains(ReducedDay.NYTAARSAFTENSDAG);
        assertThat(DanishHolidays.reducedDayOn(LocalDate.of(2026, 5, 1))).contains(ReducedDay.ARBEJDERNES_KAMPDAG);
        assertThat(DanishHolidays.reducedDayOn(LocalDate.of(2026, 12, 23))).isEmpty();
    }

    @Test
    void christmasAndNewYearAreHolidaysInLeapAndCommonYears() {
        for (int year : List.of(2028, 2100, 2026)) {
            assertThat(DanishHolidays.holidayOn(LocalDate.of(year, 12, 25))).map(Holiday::holiday)
                    .contains(PublicHoliday.JULEDAG);
            assertThat(DanishHolidays.holidayOn(LocalDate.of(year, 1, 1))).map(Holiday::holiday)
                    .contains(PublicHoliday.NYTAARSDAG);
        }
    }
}
