package dk.hotline.core.advice.domain;

import dk.hotline.contracts.vocabulary.Vocabulary;

/** What the advice was about; a log names one or more. */
public enum AdviceTheme implements Vocabulary {
    SIGNS_OF_RADICALISATION("Tegn på radikalisering", "Signs of radicalisation"),
    TALKING_WITH_THE_PERSON("Hvordan man taler med personen", "How to talk with the person"),
    LOCAL_OFFERS("Lokale tilbud (mentor, forældrecoach)", "Local offers (mentor, parent coach)"),
    INFORMATION_SHARING_AND_LAW("Informationsudveksling og lovgivning", "Information sharing and legal framework"),
    CONTACT_THE_POLICE("Kontakt politiet", "Contact the police"),
    SELF_CARE("At passe på sig selv", "Taking care of oneself"),
    OTHER("Andet", "Other");

    private final String da;
    private final String en;

    AdviceTheme(String da, String en) {
        this.da = da;
        this.en = en;
    }

    @Override public String da() { return da; }
    @Override public String en() { return en; }
}
