package dk.hotline.contracts.reference;

import dk.hotline.contracts.MunicipalityCode;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of the reference data (municipalities, police districts, territories), valid from an instant.
 * Municipal mergers and district reforms produce a new version beside the old one.
 */
public final class ReferenceDataSet {

    private final String version;
    private final Instant validFrom;
    private final Map<String, Municipality> municipalities;
    private final Map<String, PoliceDistrict> districts;
    private final Map<String, Territory> territories;
    private final Map<String, Infohus> infohuse;

    public ReferenceDataSet(String version, Instant validFrom, List<Municipality> municipalities,
                            List<PoliceDistrict> districts, List<Territory> territories, List<Infohus> infohuse) {
        this.version = version;
        this.validFrom = validFrom;
        this.districts = index(districts, PoliceDistrict::id, "police district");
        this.municipalities = index(municipalities, Municipality::code, "municipality");
        this.territories = index(territories, Territory::code, "territory");
        this.infohuse = index(infohuse, Infohus::policeDistrictId, "infohus");
        for (PoliceDistrict d : districts) {
            if (!this.infohuse.containsKey(d.id())) {
                throw new InvalidReferenceDataException(version + ": police district " + d.id() + " has no infohus");
            }
        }
        for (Municipality m : municipalities) {
            requireDistrict(m.policeDistrictId(), "municipality " + m.code());
        }
        for (Territory t : territories) {
            requireDistrict(t.policeDistrictId(), "territory " + t.code());
            if (!this.municipalities.containsKey(t.sspMunicipalityCode())) {
                throw new InvalidReferenceDataException(version + ": territory " + t.code()
                        + " names unknown SSP municipality " + t.sspMunicipalityCode());
            }
            if (this.municipalities.containsKey(t.code())) {
                throw new InvalidReferenceDataException(version + ": code " + t.code() + " is both a municipality and a territory");
            }
        }
    }

    private void requireDistrict(String id, String who) {
        if (!districts.containsKey(id)) {
            throw new InvalidReferenceDataException(version + ": " + who + " names unknown police district " + id);
        }
    }

    private <T> Map<String, T> index(List<T> rows, java.util.function.Function<T, String> key, String what) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T row : rows) {
            if (map.put(key.apply(row), row) != null) {
                throw new InvalidReferenceDataException(version + ": duplicate " + what + " " + key.apply(row));
            }
        }
        return Map.copyOf(map);
    }

    public String version() {
        return version;
    }

    public Instant validFrom() {
        return validFrom;
    }

    public Optional<Municipality> municipality(String code) {
        return Optional.ofNullable(code == null ? null : municipalities.get(MunicipalityCode.normalise(code)));
    }

    public Optional<Territory> territory(String code) {
        return Optional.ofNullable(code == null ? null : territories.get(MunicipalityCode.normalise(code)));
    }

    public PoliceDistrict district(String id) {
        PoliceDistrict d = districts.get(id);
        if (d == null) {
            throw new InvalidReferenceDataException(version + ": unknown police district " + id);
        }
        return d;
    }

    /** The infohus run by a police district (every district has one: checked at load). */
    public Infohus infohusOf(PoliceDistrict district) {
        return infohuse.get(district.id());
    }

    /** A municipality or a territory (Christiansø) with this code is known in this version. */
    public boolean knows(String code) {
        return municipality(code).isPresent() || territory(code).isPresent();
    }

    /** The name of the municipality or territory with this code. */
    public Optional<String> placeName(String code) {
        return municipality(code).map(Municipality::name).or(() -> territory(code).map(Territory::name));
    }

    /** The region of a municipality; of a territory, the region of the municipality whose SSP network serves it. */
    public Optional<String> region(String code) {
        return municipality(code).map(Municipality::region)
                .or(() -> territory(code).flatMap(t -> municipality(t.sspMunicipalityCode())).map(Municipality::region));
    }

    public Collection<Territory> territories() {
        return territories.values();
    }

    public Collection<Municipality> municipalities() {
        return municipalities.values();
    }

    public Collection<PoliceDistrict> districts() {
        return districts.values();
    }
}
