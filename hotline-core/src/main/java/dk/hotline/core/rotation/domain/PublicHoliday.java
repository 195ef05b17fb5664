package dk.hotline.core.rotation.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * The Danish public holidays (helligdage), each with its rule: a fixed date or an
 * offset from Easter Sunday (E). Store bededag (E+26) is a helligdag up to and
 * including 2023 only (abolished from 1 January 2024). Source: docs/reference/holidays.md.
 */
public enum PublicHoliday {
    NYTAARSDAG("Nytårsdag", "New Year's Day", MonthDay.of(1, 1)),
    SKAERTORSDAG("Skærtorsdag", "Maundy Thursday", -3),
    LANGFREDAG("Langfredag", "Good Friday", -2),
    PAASKEDAG("Påskedag", "Easter Sunday", 0),
    ANDEN_PAASKEDAG("2. påskedag", "Easter Monday", 1),
    STORE_BEDEDAG("Store bededag", "General Prayer Day", 26),
    KRISTI_HIMMELFARTSDAG("Kristi himmelfartsdag", "Ascension Day", 39),
    PINSEDAG("Pinsedag", "Whit Sunday", 49),
    ANDEN_PINSEDAG("2. pinsedag", "Whit Monday", 50),
    JULEDAG("Juledag", "Christmas Day", MonthDay.of(12, 25)),
    ANDEN_JULEDAG("2. juledag", "Boxing Day", MonthDay.of(12, 26));

    /** The last year in which Store bededag was a public holiday. */
    public static final int LAST_YEAR_OF_STORE_BEDEDAG = 2023;

    private final String danishName;
    private final String englishName;
    private final MonthDay fixedDate;
    private final int daysFromEaster;

    PublicHoliday(String danishName, String englishName, MonthDay fixedDate) {
        this.danishName = danishName;
        this.englishName = englishName;
        this.fixedDate = fixedDate;
        this.daysFromEaster = 0;
    }

    PublicHoliday(String danishName, String englishName, int daysFromEaster) {
        this.danishName = danishName;
        this.englishName = englishName;
        this.fixedDate = null;
        this.daysFromEaster = daysFromEaster;
    }

    public String danishName() {
        return danishName;
    }

    public String englishName() {
        return englishName;
    }

    /** Display name, Danish first: "Langfredag (Good Friday)". */
    public String displayName() {
        return danishName + " (" + englishName + ")";
    }

    /** True for the holidays placed relative to Easter Sunday. */
    public boolean isEasterBased() {
        return fixedDate == null;
    }

    /** Days after Easter Sunday (negative: before); 0 for the fixed-date holidays. */
    public int daysFromEaster() {
        return daysFromEaster;
    }

    /** The fixed date, null for the Easter-based holidays. */
    MonthDay fixedDate() {
        return fixedDate;
    }

    /** The date of this holiday in a year, empty when it is not a holiday that year (Store bededag from 2024). */
    public Optional<LocalDate> dateIn(int year) {
        if (this == STORE_BEDEDAG && year > LAST_YEAR_OF_STORE_BEDEDAG) {
            return Optional.empty();
        }
        if (fixedDate != null) {
            return Optional.of(fixedDate.atYear(year));
        }
        return Optional.of(DanishHolidays.easterSunday(year).plusDays(daysFromEaster));
    }
}
