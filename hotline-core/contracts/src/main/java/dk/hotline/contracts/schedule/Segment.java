package dk.hotline.contracts.schedule;

import dk.hotline.contracts.vocabulary.Site;

import java.time.Instant;
import java.util.Objects;

/**
 * One stretch [from, to) of the effective schedule with one site on duty, open or closed, and the rule text that
 * made it so. Core computes the segments; the adapter routes calls from them (rotation-schedule.v1).
 * A timeline's segments are contiguous and adjacent segments never have equal (site, open, rule).
 */
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
