package dk.hotline.routing.recipient.domain;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.reference.PoliceDistrict;
import dk.hotline.contracts.reference.Municipality;
import dk.hotline.contracts.reference.ReferenceDataSet;
import dk.hotline.contracts.reference.ReferenceCatalog;

import dk.hotline.contracts.vocabulary.Severity;

import java.util.List;
import java.util.Optional;

/**
 * Decides who receives a referral, from the reference data in force at the referral's creation time.
 *
 * <p>The rules are an ordered table; the first that applies decides:
 * <ol>
 *   <li>{@code ACUTE} → the police district directly, flagged (acute danger is a police matter, never a queue).
 *       The district is the municipality's; on Copenhagen's local line without a municipality, Copenhagen's;
 *       on the national line without a known municipality, the district the on-duty site works with.</li>
 *   <li>Copenhagen's local line → Copenhagen's coordination unit, with no intermediate step.</li>
 *   <li>Unknown or missing municipality → triage by the on-duty site ({@code handledBySite}).</li>
 *   <li>Subject under 18 → the municipality's SSP network; the district's infohus gets a copy.</li>
 *   <li>Otherwise → the infohus of the municipality's police district.</li>
 * </ol>
 * Municipality → police district comes from data (municipalities.csv, territories.csv for Christiansø).
 */
public final class RecipientResolver {

    private static final String COPENHAGEN_MUNICIPALITY = "101";

    private final ReferenceCatalog catalog;
    private final List<Rule> rules = List.of(this::acute, this::copenhagenLocal, this::triage, this::minor, this::infohus);

    public RecipientResolver(ReferenceCatalog catalog) {
        this.catalog = catalog;
    }

    public RoutingDecision resolve(RoutingRequest request) {
        ReferenceDataSet data = catalog.at(request.createdAt());
        for (Rule rule : rules) {
            Optional<RoutingDecision> decision = rule.apply(request, data);
            if (decision.isPresent()) {
                return decision.get();
            }
        }
        throw new IllegalStateException("the last routing rule always decides");
    }

    @FunctionalInterface
    private interface Rule {
        Optional<RoutingDecision> apply(RoutingRequest request, ReferenceDataSet data);
    }

    /** Where a code lies: a municipality or a territory such as Christiansø. */
    private record Place(String code, String name, PoliceDistrict district, Municipality sspMunicipality, String note) {
    }

    private static Optional<Place> place(String code, ReferenceDataSet data) {
        Optional<Municipality> municipality = data.municipality(code);
        if (municipality.isPresent()) {
            Municipality m = municipality.get();
            return Optional.of(new Place(m.code(), m.name(), data.district(m.policeDistrictId()), m, null));
        }
        return data.territory(code).map(t -> new Place(t.code(), t.name(), data.district(t.policeDistrictId()),
                data.municipality(t.sspMunicipalityCode()).orElseThrow(), t.note()));
    }

    private Optional<RoutingDecision> acute(RoutingRequest r, ReferenceDataSet data) {
        if (r.severity() != Severity.ACUTE) {
            return Optional.empty();
        }
        String code = r.municipalityCode() == null && r.line() == Line.COPENHAGEN_LOCAL
                ? COPENHAGEN_MUNICIPALITY : r.municipalityCode();
        Optional<Place> place = place(code, data);
        if (place.isPresent()) {
            Organisation police = Organisation.police(place.get().district());
            return decide(police, null, true, reason(RoutingRule.ACUTE_POLICE, place.get(), police, null), data);
        }
        Organisation police = Organisation.police(data.district(r.handledBySite().policeDistrictId()));
        return decide(police, null, true, new RoutingReason(RoutingRule.ACUTE_POLICE, null, null, null, null,
                police.name(), police.name(), null, r.handledBySite(), r.municipalityCode()), data);
    }

    private Optional<RoutingDecision> copenhagenLocal(RoutingRequest r, ReferenceDataSet data) {
        if (r.line() != Line.COPENHAGEN_LOCAL) {
            return Optional.empty();
        }
        Organisation unit = Organisation.copenhagenCoordination();
        return decide(unit, null, false, new RoutingReason(RoutingRule.COPENHAGEN_LOCAL_LINE, null, null, null, null,
                null, unit.name(), null, null, r.municipalityCode()), data);
    }

    private Optional<RoutingDecision> triage(RoutingRequest r, ReferenceDataSet data) {
        if (place(r.municipalityCode(), data).isPresent()) {
            return Optional.empty();
        }
        Organisation triage = Organisation.triage(r.handledBySite());
        return decide(triage, null, false, new RoutingReason(RoutingRule.TRIAGE_UNKNOWN_MUNICIPALITY, null, null, null,
                null, null, triage.name(), null, r.handledBySite(), r.municipalityCode()), data);
    }

    private Optional<RoutingDecision> minor(RoutingRequest r, ReferenceDataSet data) {
        if (!r.ageBand().minor()) {
            return Optional.empty();
        }
        Place p = place(r.municipalityCode(), data).orElseThrow();
        Organisation ssp = Organisation.ssp(p.sspMunicipality());
        Organisation infohus = Organisation.infohus(p.district(), data.infohusOf(p.district()).name());
        return decide(ssp, infohus, false, reason(RoutingRule.MINOR_SSP, p, ssp, infohus), data);
    }

    private Optional<RoutingDecision> infohus(RoutingRequest r, ReferenceDataSet data) {
        Place p = place(r.municipalityCode(), data).orElseThrow();
        Organisation infohus = Organisation.infohus(p.district(), data.infohusOf(p.district()).name());
        return decide(infohus, null, false, reason(RoutingRule.INFOHUS, p, infohus, null), data);
    }

    private static RoutingReason reason(RoutingRule rule, Place p, Organisation recipient, Organisation copy) {
        return new RoutingReason(rule, p.code(), p.name(), p.note(), p.sspMunicipality().name(), p.district().name(),
                recipient.name(), copy == null ? null : copy.name(), null, null);
    }

    private static Optional<RoutingDecision> decide(Organisation recipient, Organisation copy, boolean acute,
                                                    RoutingReason reason, ReferenceDataSet data) {
        return Optional.of(new RoutingDecision(recipient, copy == null ? List.of() : List.of(copy), acute, reason,
                data.version()));
    }
}
