package dk.hotline.core.referral.domain;

import dk.hotline.contracts.vocabulary.Vocabulary;

/** The legal basis for passing identifying information on. */
public enum LegalBasis implements Vocabulary {
    CONSENT("Samtykke fra opkalderen", "The caller's consent"),
    AJA_115("Udveksling mellem myndigheder efter retsplejelovens §115",
            "Information sharing between authorities (Administration of Justice Act §115)"),
    ANONYMOUS("Anonym: ingen identificerende oplysninger", "Anonymous: no identifying data");

    private final String da;
    private final String en;

    LegalBasis(String da, String en) {
        this.da = da;
        this.en = en;
    }

    @Override public String da() { return da; }
    @Override public String en() { return en; }
}
