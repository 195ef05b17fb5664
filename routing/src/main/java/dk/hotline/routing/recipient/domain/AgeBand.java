package dk.hotline.routing.recipient.domain;

/** Age of the person the concern is about. */
public enum AgeBand {
    UNDER_15(true), AGE_15_17(true), AGE_18_24(false), AGE_25_PLUS(false), UNKNOWN(false);

    private final boolean minor;

    AgeBand(boolean minor) {
        this.minor = minor;
    }

    /** Under 18: the SSP network (school, social services, police) is the recipient. */
    public boolean minor() {
        return minor;
    }
}
