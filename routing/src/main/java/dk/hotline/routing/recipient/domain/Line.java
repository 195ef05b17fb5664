package dk.hotline.routing.recipient.domain;

/** The phone line a concern came in on. */
public enum Line {
    NATIONAL, COPENHAGEN_LOCAL
}
