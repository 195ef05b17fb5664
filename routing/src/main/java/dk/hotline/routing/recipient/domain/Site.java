package dk.hotline.routing.recipient.domain;

/**
 * The two sites that staff the national line in alternate months, with the police district each works with
 * (Aarhus with Østjyllands Politi, Copenhagen with Københavns Politi).
 */
public enum Site {
    AARHUS("Aarhus", "oestjylland"),
    COPENHAGEN("Copenhagen", "koebenhavn");

    private final String displayName;
    private final String policeDistrictId;

    Site(String displayName, String policeDistrictId) {
        this.displayName = displayName;
        this.policeDistrictId = policeDistrictId;
    }

    public String displayName() {
        return displayName;
    }

    public String policeDistrictId() {
        return policeDistrictId;
    }
}
