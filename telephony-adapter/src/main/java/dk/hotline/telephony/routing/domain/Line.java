package dk.hotline.telephony.routing.domain;

/** The two inbound hotline numbers. */
public enum Line {
    NATIONAL,
    COPENHAGEN_LOCAL
}
