package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.vocabulary.Site;

import java.time.Instant;
import java.util.UUID;

/**
 * The national line goes to {@code site} during the half-open range [from, to),
 * whatever the month says. Overrides never touch the Copenhagen local line and
 * never change opening hours. Reason is optional.
 */
public record OverrideWindow(UUID id, Instant from, Instant to, Site site, String reason) {

    /** True when the instant lies in [from, to). */
    public boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    String explain() {
        // Admins think in Copenhagen time: show the window as they entered it.
        return "override " + local(from) + " to " + local(to) + " is " + site + ExplanationFormat.reasonSuffix(reason);
    }

    private static String local(Instant instant) {
        return instant.atZone(Rotation.ZONE).toOffsetDateTime().toString();
    }
}
