package dk.hotline.telephony.routing.domain;

import java.time.Instant;
import java.util.Objects;

/** One contiguous piece of the effective schedule: [from, to), the site on duty, open or closed. */
public record Segment(Instant from, Instant to, Site site, boolean open, String rule) {

    public Segment {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(site, "site");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("segment must end after it starts");
        }
    }

    public boolean holds(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }
}
