package dk.hotline.core.rotation.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Danish public holidays by rule (docs/reference/holidays.md). Stateless: all
 * answers are computed from the date.
 */
public final class DanishHolidays {

    private DanishHolidays() {
    }

    /**
     * Easter Sunday in the Gregorian calendar by the anonymous Gregorian
     * algorithm (Meeus/Jones/Butcher). Valid for every Gregorian year.
     */
    public static LocalDate easterSunday(int year) {
        if (year < 1583) {
            throw new IllegalArgumentException("Gregorian Easter is defined from 1583, not for " + year);
        }
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /** The public holidays of a year, in date order (Store bededag only up to 2023). */
    public static List<Holiday> publicHolidays(int year) {
        List<Holiday> holidays = new ArrayList<>();
        for (PublicHoliday holiday : PublicHoliday.values()) {
            holiday.dateIn(year).ifPresent(date -> holidays.add(new Holiday(date, holiday)));
        }
        holidays.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(holidays);
    }

    /** The public holiday on a date, if any. */
    public static Optional<Holiday> holidayOn(LocalDate date) {
        int year = date.getYear();
        LocalDate easter = easterSunday(year);
        long fromEaster = date.toEpochDay() - easter.toEpochDay();
        for (PublicHoliday holiday : PublicHoliday.values()) {
            if (holiday.isEasterBased() ? holiday.daysFromEaster() == fromEaster
                    : holiday.fixedDate().equals(MonthDay.from(date))) {
                return holiday.dateIn(year).filter(date::equals).map(d -> new Holiday(d, holiday));
            }
        }
        return Optional.empty();
    }

    /** The reduced day (5 Jun, 24 Dec, 31 Dec, 1 May) on a date, if any, whether or not it is switched on. */
    public static Optional<ReducedDay> reducedDayOn(LocalDate date) {
        return Arrays.stream(ReducedDay.values()).filter(r -> r.fallsOn(date)).findFirst();
    }
}
