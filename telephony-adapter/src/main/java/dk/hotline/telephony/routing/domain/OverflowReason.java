package dk.hotline.telephony.routing.domain;

/** Why a call went to the other site's queue. */
public enum OverflowReason {
    NO_ADVISOR_AVAILABLE,
    LONGEST_WAIT_EXCEEDED
}
