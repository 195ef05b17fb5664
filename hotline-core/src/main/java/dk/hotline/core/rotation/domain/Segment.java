package dk.hotline.core.rotation.domain;

import java.time.Instant;

/**
 * A stretch [from, to) with one site, one open/closed state and one rule text
 * ({@link Rule#summary()}). A timeline's segments are contiguous and adjacent
 * segments never have equal (site, open, rule).
 */
public record Segment(Instant from, Instant to, Site site, boolean open, String rule) {
}
