package dk.hotline.routing.recipient.domain;

import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.contracts.reference.PoliceDistrict;
import dk.hotline.contracts.reference.Municipality;
import dk.hotline.contracts.reference.ReferenceDataSet;
import dk.hotline.contracts.reference.ReferenceCatalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every organisation a referral can go to: one infohus and one police contact per district, one SSP network per
 * municipality, Copenhagen's coordination unit and the triage desk of each site. Built from all loaded reference
 * versions (the newest name wins), so referrals routed under an older version still find their organisation.
 */
public final class RecipientDirectory {

    private final Map<String, Organisation> organisations;

    public RecipientDirectory(ReferenceCatalog catalog) {
        Map<String, Organisation> all = new LinkedHashMap<>();
        for (ReferenceDataSet data : catalog.versions()) {
            for (PoliceDistrict d : data.districts()) {
                put(all, Organisation.infohus(d, data.infohusOf(d).name()));
                put(all, Organisation.police(d));
            }
            for (Municipality m : data.municipalities()) {
                put(all, Organisation.ssp(m));
            }
        }
        put(all, Organisation.copenhagenCoordination());
        for (Site site : Site.values()) {
            put(all, Organisation.triage(site));
        }
        this.organisations = Map.copyOf(all);
    }

    private static void put(Map<String, Organisation> all, Organisation o) {
        all.put(o.id(), o);
    }

    public Optional<Organisation> find(String id) {
        return Optional.ofNullable(id == null ? null : organisations.get(id));
    }

    public Collection<Organisation> all() {
        var list = new ArrayList<>(organisations.values());
        list.sort(Comparator.comparing(Organisation::kind).thenComparing(Organisation::id));
        return list;
    }
}
