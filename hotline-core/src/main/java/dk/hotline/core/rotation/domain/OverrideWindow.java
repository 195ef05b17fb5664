package dk.hotline.core.rotation.domain;

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
        return "override " + from + " to " + to + " is " + site + Texts.reasonSuffix(reason);
    }
}
