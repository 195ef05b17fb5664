package dk.hotline.core.advice.domain;

import dk.hotline.contracts.vocabulary.Vocabulary;

/** The age of the person the concern is about; the codes are those of the referral event. */
public enum AgeBand implements Vocabulary {
    UNDER_15("Under 15 år", "Under 15"),
    AGE_15_17("15–17 år", "15–17"),
    AGE_18_24("18–24 år", "18–24"),
    AGE_25_PLUS("25 år og derover", "25 and over"),
    UNKNOWN("Ukendt", "Unknown");

    private final String da;
    private final String en;

    AgeBand(String da, String en) {
        this.da = da;
        this.en = en;
    }

    @Override public String da() { return da; }
    @Override public String en() { return en; }
}
