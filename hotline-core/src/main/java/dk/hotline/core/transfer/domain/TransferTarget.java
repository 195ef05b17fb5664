package dk.hotline.core.transfer.domain;

/** Where an advisor hands a live call on to (contract telephony-transfer.v1). */
public enum TransferTarget {
    /** The other site's queue. */
    SITE,
    /** Copenhagen's coordination unit line. */
    COORDINATION,
    /** A named colleague's phone (their PJSIP endpoint). */
    COLLEAGUE
}
