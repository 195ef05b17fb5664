package dk.hotline.core.rotation.domain;

import java.util.Objects;

/**
 * What decided a duty answer: {@code site} says which rule chose the site on duty
 * (PATTERN, MONTH_ASSIGNMENT, OVERRIDE, LOCAL_LINE), {@code open} which rule chose
 * whether the line is open (OPENING_HOURS, OUTSIDE_HOURS, HOLIDAY, REDUCED_DAY, CLOSURE).
 */
public record Rule(Decision site, Decision open) {
    public Rule {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(open, "open");
        if (!site.kind().decidesSite()) {
            throw new IllegalArgumentException("site decided by " + site.kind());
        }
        if (open.kind().decidesSite()) {
            throw new IllegalArgumentException("open decided by " + open.kind());
        }
    }

    /** Both explanations in one line, e.g. "2026-03 is AARHUS by alternation ...; closed: Langfredag (Good Friday)". */
    public String summary() {
        return site.explanation() + "; " + open.explanation();
    }
}
