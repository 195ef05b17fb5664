package dk.hotline.routing.recipient.domain;

import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.contracts.reference.PoliceDistrict;
import dk.hotline.contracts.reference.Municipality;

/** A recipient organisation, e.g. {@code infohus-fyn}, {@code ssp-461}, {@code kbh-koordination}. */
public record Organisation(String id, String name, OrganisationKind kind) {

    public static final String COPENHAGEN_COORDINATION_ID = "kbh-koordination";

    public static Organisation infohus(PoliceDistrict district, String name) {
        return new Organisation("infohus-" + slug(district.id()), name, OrganisationKind.INFOHUS);
    }

    public static Organisation ssp(Municipality municipality) {
        return new Organisation("ssp-" + municipality.code(), "SSP " + municipality.name(), OrganisationKind.SSP_NETWORK);
    }

    public static Organisation police(PoliceDistrict district) {
        return new Organisation("politi-" + slug(district.id()), district.name(), OrganisationKind.POLICE_DISTRICT);
    }

    public static Organisation copenhagenCoordination() {
        return new Organisation(COPENHAGEN_COORDINATION_ID, "Københavns Kommune, koordinationsenheden",
                OrganisationKind.COORDINATION_UNIT);
    }

    public static Organisation triage(Site site) {
        return new Organisation("triage-" + site.name().toLowerCase(java.util.Locale.ROOT),
                "Hotline triage, " + site.displayName() + " site", OrganisationKind.TRIAGE);
    }

    private static String slug(String districtId) {
        return districtId.replace('_', '-');
    }
}
