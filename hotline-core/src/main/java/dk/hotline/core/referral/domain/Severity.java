package dk.hotline.core.referral.domain;

import dk.hotline.core.advice.domain.Vocabulary;

/**
 * How urgent a referral is. HIGH, MEDIUM and LOW must be acted on (visiteret)
 * by the same local clock time one, two or three days later. ACUTE is a police
 * matter: the caller was told to ring 112 and the police district is alerted by
 * phone; the referral documents it and is due at once (deadline = creation).
 */
public enum Severity implements Vocabulary {
    ACUTE("Akut (112, politikredsen alarmeret)", "Acute (112; police district alerted)", 0),
    HIGH("Høj (visitation inden for 24 timer)", "High (within 24 hours)", 1),
    MEDIUM("Mellem (visitation inden for 48 timer)", "Medium (within 48 hours)", 2),
    LOW("Lav (visitation inden for 72 timer)", "Low (within 72 hours)", 3);

    private final String da;
    private final String en;
    private final int days;

    Severity(String da, String en, int days) {
        this.da = da;
        this.en = en;
        this.days = days;
    }

    @Override public String da() { return da; }
    @Override public String en() { return en; }

    /** Whole local days until the deadline (0 for ACUTE). */
    public int days() {
        return days;
    }
}
