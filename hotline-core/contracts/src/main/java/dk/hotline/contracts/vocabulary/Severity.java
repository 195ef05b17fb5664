package dk.hotline.contracts.vocabulary;

/**
 * How urgent a referral is. HIGH, MEDIUM and LOW must be acted on (visiteret) within 24, 48 or 72 hours; ACUTE is
 * a police matter (the caller was told to ring 112, the police district is alerted by phone) and never waits in a
 * queue. The hours themselves are one rule: {@link dk.hotline.contracts.rules.Deadlines}.
 */
public enum Severity implements Vocabulary {
    ACUTE("Akut (112, politikredsen alarmeret)", "Acute (112; police district alerted)"),
    HIGH("Høj (visitation inden for 24 timer)", "High (within 24 hours)"),
    MEDIUM("Mellem (visitation inden for 48 timer)", "Medium (within 48 hours)"),
    LOW("Lav (visitation inden for 72 timer)", "Low (within 72 hours)");

    private final String da;
    private final String en;

    Severity(String da, String en) {
        this.da = da;
        this.en = en;
    }

    @Override public String da() { return da; }
    @Override public String en() { return en; }
}
