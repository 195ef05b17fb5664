package dk.hotline.core.contact.domain;

import dk.hotline.contracts.vocabulary.Vocabulary;

/** How the contact reached the hotline. Only HOTLINE_CALL contacts come from the telephony system. */
public enum Channel implements Vocabulary {
    HOTLINE_CALL("Opkald på hotlinen", "Call on the hotline"),
    PHONE_OUTSIDE_SYSTEM("Telefonopkald uden om systemet", "Phone call taken outside the system"),
    EMAIL("E-mail", "E-mail"),
    LETTER("Brev", "Letter"),
    IN_PERSON("Personligt fremmøde", "In person"),
    OTHER("Andet", "Other");

    private final String da;
    private final String en;

    Channel(String da, String en) {
        this.da = da;
        this.en = en;
    }

    @Override public String da() { return da; }
    @Override public String en() { return en; }
}
