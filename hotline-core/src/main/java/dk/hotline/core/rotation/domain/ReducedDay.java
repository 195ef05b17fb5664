package dk.hotline.core.rotation.domain;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Days that are not public holidays but are commonly closed or shortened
 * (lukkeloven closing days and days off by agreement; see docs/reference/holidays.md).
 * Each one is switched per schedule with a {@link ReducedDayRule}.
 */
public enum ReducedDay {
    ARBEJDERNES_KAMPDAG("Arbejdernes kampdag", "Labour Day", MonthDay.of(5, 1)),
    GRUNDLOVSDAG("Grundlovsdag", "Constitution Day", MonthDay.of(6, 5)),
    JULEAFTENSDAG("Juleaftensdag", "Christmas Eve", MonthDay.of(12, 24)),
    NYTAARSAFTENSDAG("Nytårsaftensdag", "New Year's Eve", MonthDay.of(12, 31));

    private final String danishName;
    private final String englishName;
    private final MonthDay date;

    ReducedDay(String danishName, String englishName, MonthDay date) {
        this.danishName = danishName;
        this.englishName = englishName;
        this.date = date;
    }

    public String danishName() {
        return danishName;
    }

    public String englishName() {
        return englishName;
    }

    public MonthDay monthDay() {
        return date;
    }

    /** Display name, Danish first: "Juleaftensdag (Christmas Eve)". */
    public String displayName() {
        return danishName + " (" + englishName + ")";
    }

    public boolean fallsOn(LocalDate day) {
        return MonthDay.from(day).equals(date);
    }
}
