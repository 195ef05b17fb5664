package dk.hotline.core.advice.domain;

import dk.hotline.contracts.vocabulary.CallerRole;

import dk.hotline.contracts.vocabulary.Vocabulary;

/** The sector a professional caller works in (only with {@link CallerRole#PROFESSIONAL}). */
public enum Sector implements Vocabulary {
    SCHOOL("Skole", "School"),
    SOCIAL_SERVICES("Socialforvaltning", "Social services"),
    PSYCHIATRY("Psykiatri", "Psychiatry"),
    POLICE("Politi", "Police"),
    PRISON_AND_PROBATION("Kriminalforsorgen", "Prison and probation"),
    OTHER("Andet", "Other");

    private final String da;
    private final String en;

    Sector(String da, String en) {
        this.da = da;
        this.en = en;
    }

    @Override public String da() { return da; }
    @Override public String en() { return en; }
}
