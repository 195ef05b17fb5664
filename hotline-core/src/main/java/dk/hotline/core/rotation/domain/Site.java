package dk.hotline.core.rotation.domain;

/** The two sites that staff the national line, one calendar month at a time. */
public enum Site {
    AARHUS,
    COPENHAGEN;

    /** The site that is not this one: the alternation partner. */
    public Site other() {
        return this == AARHUS ? COPENHAGEN : AARHUS;
    }
}
