package dk.hotline.core.reference;

import dk.hotline.contracts.reference.Municipality;
import dk.hotline.contracts.reference.ReferenceCatalog;
import dk.hotline.contracts.reference.ReferenceData;
import dk.hotline.contracts.reference.ReferenceDataSet;
import dk.hotline.contracts.reference.Territory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The codes an advisor may give for where the concern lies: the 98 municipalities and the territories that are
 * not municipalities but are served like one (Christiansø, 411). Read from the contracts module's versioned
 * reference data, the same copy routing routes by, in the version in force now; so core accepts exactly what
 * routing can route. Codes are normalised by {@link dk.hotline.contracts.MunicipalityCode} before they get here.
 */
@ApplicationScoped
public class Municipalities {

    /** Said of a well-formed code that names no municipality or territory (FieldErrorWording matches "municipality codes"). */
    public static final String UNKNOWN = "is not one of the municipality codes (98 municipalities and Christiansø, 411)";

    private static final ReferenceCatalog SHIPPED = ReferenceData.shipped();

    private final ReferenceCatalog catalog;
    private final Clock clock;

    @Inject
    public Municipalities(Clock clock) {
        this(SHIPPED, clock);
    }

    public Municipalities(ReferenceCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The shipped data as it is today, for what is built once (the console's list of places). */
    public static Municipalities shipped() {
        return new Municipalities(SHIPPED, Clock.systemUTC());
    }

    private ReferenceDataSet inForce() {
        return catalog.at(clock.instant());
    }

    public boolean isKnown(String code) {
        return code != null && inForce().knows(code);
    }

    public Optional<String> name(String code) {
        return code == null ? Optional.empty() : inForce().placeName(code);
    }

    /** The region (e.g. "Region Midtjylland") a code lies in; for the statistics. */
    public Optional<String> region(String code) {
        return code == null ? Optional.empty() : inForce().region(code);
    }

    /** Every code an advisor may choose, code to name: the municipalities, then the territories. */
    public Map<String, String> all() {
        Map<String, String> names = new LinkedHashMap<>();
        inForce().municipalities().forEach((Municipality m) -> names.put(m.code(), m.name()));
        inForce().territories().forEach((Territory t) -> names.put(t.code(), t.name()));
        return Collections.unmodifiableMap(names);
    }

    public int count() {
        return all().size();
    }
}
