package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;

import java.time.Instant;

/**
 * Who is on duty on a line at an instant, whether the line is open, which rules
 * decided it, and the next instant at which site or open changes (null when
 * nothing changes within {@link Rotation#SEARCH_HORIZON_DAYS} days).
 */
public record DutyAnswer(Line line, Instant at, Site site, boolean open, Rule rule, Instant nextChangeAt) {
}
