package dk.hotline.routing.recipient.domain;

import dk.hotline.contracts.vocabulary.Site;

/**
 * Why a referral went where it did, as facts without wording: the rule, the place (municipality, or a territory
 * such as Christiansø), its police district, the recipient and the copy. Worded once in English here for the API,
 * the status events and the audit ({@link #english()}); the recipients' pages word the same facts in Danish from
 * their message bundle, so the two can never say different things.
 *
 * @param placeCode     the municipality or territory code the rule used; {@code null} when none was known
 * @param territoryNote for a territory (not a municipality), the reference data's note; otherwise {@code null}
 * @param sspOf         for a minor in a territory, the municipality whose SSP network serves it
 * @param site          the on-duty site, where the rule depends on it (triage, ACUTE without a place)
 * @param givenCode     the municipality code as given, when it was missing or unknown
 */
public record RoutingReason(RoutingRule rule, String placeCode, String placeName, String territoryNote, String sspOf,
                            String district, String recipient, String copy, Site site, String givenCode) {

    public boolean placeKnown() {
        return placeCode != null;
    }

    /** The English sentence stored with the referral and sent in every status event. */
    public String english() {
        return switch (rule) {
            case ACUTE_POLICE -> placeKnown()
                    ? "ACUTE: " + belongs() + " → " + district + " directly (acute danger is a police matter)"
                    : "ACUTE: " + unknown() + " → the police district of the on-duty site " + site.displayName() + ": "
                            + district + " directly";
            case COPENHAGEN_LOCAL_LINE -> "Copenhagen's local line → " + recipient + " directly, with no intermediate step";
            case TRIAGE_UNKNOWN_MUNICIPALITY -> unknown() + " → triage by the on-duty site " + site.displayName()
                    + " (" + recipient + ")";
            case MINOR_SSP -> "Subject under 18: " + (territoryNote == null ? label()
                    : label() + " " + territoryNote + ", its SSP network is " + sspOf + "'s")
                    + " → " + recipient + "; " + copy + " gets a copy (" + belongs() + ")";
            case INFOHUS -> belongs() + " → " + recipient;
        };
    }

    private String label() {
        return placeName + " (" + placeCode + ")";
    }

    private String belongs() {
        return territoryNote == null
                ? label() + " belongs to " + district
                : label() + " " + territoryNote + ": served by " + district;
    }

    private String unknown() {
        return givenCode == null || givenCode.isBlank() ? "No municipality given" : "Municipality \"" + givenCode + "\" is unknown";
    }
}
