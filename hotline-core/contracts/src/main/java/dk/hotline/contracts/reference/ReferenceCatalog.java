package dk.hotline.contracts.reference;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * All loaded versions of the reference data. The version used for a referral is the one in force at the
 * referral's creation instant: the latest version whose valid-from is not after that instant.
 */
public final class ReferenceCatalog {

    private final List<ReferenceDataSet> versions;

    public ReferenceCatalog(List<ReferenceDataSet> versions) {
        if (versions.isEmpty()) {
            throw new InvalidReferenceDataException("no reference data version loaded");
        }
        this.versions = versions.stream().sorted(Comparator.comparing(ReferenceDataSet::validFrom)).toList();
        for (int i = 1; i < this.versions.size(); i++) {
            if (this.versions.get(i).validFrom().equals(this.versions.get(i - 1).validFrom())) {
                throw new InvalidReferenceDataException("two reference data versions valid from "
                        + this.versions.get(i).validFrom());
            }
        }
    }

    /** The version in force at {@code instant}; before the first version, the first one (nothing older exists). */
    public ReferenceDataSet at(Instant instant) {
        ReferenceDataSet inForce = versions.get(0);
        for (ReferenceDataSet candidate : versions) {
            if (!candidate.validFrom().isAfter(instant)) {
                inForce = candidate;
            }
        }
        return inForce;
    }

    public List<ReferenceDataSet> versions() {
        return versions;
    }
}
