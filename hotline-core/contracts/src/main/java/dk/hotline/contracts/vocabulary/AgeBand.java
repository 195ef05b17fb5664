package dk.hotline.contracts.vocabulary;


/** The age of the person the concern is about; the codes are those of the referral event. */
public enum AgeBand implements Vocabulary {
    UNDER_15("Under 15 år", "Under 15", true),
    AGE_15_17("15–17 år", "15–17", true),
    AGE_18_24("18–24 år", "18–24", false),
    AGE_25_PLUS("25 år og derover", "25 and over", false),
    UNKNOWN("Ukendt", "Unknown", false);

    private final String da;
    private final String en;
    private final boolean minor;

    AgeBand(String da, String en, boolean minor) {
        this.da = da;
        this.en = en;
        this.minor = minor;
    }

    /** Under 18: the SSP network (school, social services, police) is the recipient. */
    public boolean minor() {
        return minor;
    }

    @Override public String da() { return da; }
    @Override public String en() { return en; }
}
