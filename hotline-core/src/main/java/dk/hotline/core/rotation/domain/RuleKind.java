package dk.hotline.core.rotation.domain;

/** What decided an answer. The first four decide the site, the rest decide whether the line is open. */
public enum RuleKind {
    /** Alternation by month from the anchor. */
    PATTERN(true),
    /** An explicit assignment of one whole month. */
    MONTH_ASSIGNMENT(true),
    /** An override window (instant range) for the national line. */
    OVERRIDE(true),
    /** The Copenhagen local line, always Copenhagen. */
    LOCAL_LINE(true),
    /** Open: inside the line's opening hours of that weekday. */
    OPENING_HOURS(false),
    /** Closed: outside the opening hours (including weekdays without hours). */
    OUTSIDE_HOURS(false),
    /** Closed: a Danish public holiday (helligdag). */
    HOLIDAY(false),
    /** Closed: a reduced day (5 Jun, 24 Dec, 31 Dec, optionally 1 May) switched on. */
    REDUCED_DAY(false),
    /** Closed: an admin-set closure date. */
    CLOSURE(false);

    private final boolean decidesSite;

    RuleKind(boolean decidesSite) {
        this.decidesSite = decidesSite;
    }

    /** True for the kinds that choose the site, false for those that choose open/closed. */
    public boolean decidesSite() {
        return decidesSite;
    }
}
