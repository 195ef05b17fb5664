package dk.hotline.routing.referral.domain;

/** Where the recipient's handling of a referral stands. Moves forward only. */
public enum Progress {
    ROUTED, DELIVERED, ACKNOWLEDGED, ACCEPTED, REJECTED;

    public boolean acknowledged() {
        return ordinal() >= ACKNOWLEDGED.ordinal();
    }

    public boolean decided() {
        return this == ACCEPTED || this == REJECTED;
    }
}
