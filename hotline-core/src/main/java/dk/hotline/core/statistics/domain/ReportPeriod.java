package dk.hotline.core.statistics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The period a report covers: a calendar year, or one month of it, in Europe/Copenhagen. A contact at 00:30 on
 * 1 January Danish time belongs to the new year although it is still 31 December in UTC.
 */
public record ReportPeriod(int year, Integer month) {

    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    public ReportPeriod {
        if (year < 2016 || year > 2100) {
            throw new IllegalArgumentException("year must be between 2016 and 2100");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new IllegalArgumentException("month must be between 1 and 12");
        }
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, month == null ? 1 : month, 1);
    }

    public LocalDate dayAfter() {
        return month == null ? firstDay().plusYears(1) : firstDay().plusMonths(1);
    }

    public Instant from() {
        return firstDay().atStartOfDay(ZONE).toInstant();
    }

    public Instant until() {
        return dayAfter().atStartOfDay(ZONE).toInstant();
    }

    public int firstMonth() {
        return month == null ? 1 : month;
    }

    public int lastMonth() {
        return month == null ? 12 : month;
    }

    public String label() {
        return month == null ? Integer.toString(year) : Months.NAMES.get(month - 1) + " " + year;
    }
}
