package dk.hotline.routing.referral.domain;

/**
 * Where the recipient's handling of a referral stands. Moves forward only, except that forwarding to another
 * organisation starts it again at DELIVERED for the new recipient. CLOSED: accepted and its outcome recorded.
 */
public enum Progress {
    ROUTED, DELIVERED, ACKNOWLEDGED, ACCEPTED, REJECTED, CLOSED;

    public boolean acknowledged() {
        return ordinal() >= ACKNOWLEDGED.ordinal();
    }

    public boolean decided() {
        return this == ACCEPTED || this == REJECTED || this == CLOSED;
    }
}
