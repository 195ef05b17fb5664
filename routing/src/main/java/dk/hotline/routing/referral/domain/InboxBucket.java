package dk.hotline.routing.referral.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a referral sits in its organisation's inbox page. For the owner: not acknowledged yet is NEW, DUE_SOON
 * (deadline within the window) or OVERDUE (deadline passed); then ACKNOWLEDGED, ACCEPTED, and CLOSED (rejected, or
 * its outcome recorded). A copy for information is NEW until read, then CLOSED. Everything but CLOSED is open.
 */
public enum InboxBucket {
    OVERDUE, DUE_SOON, NEW, ACKNOWLEDGED, ACCEPTED, CLOSED;

    public boolean open() {
        return this != CLOSED;
    }

    public static InboxBucket of(boolean copy, boolean read, Progress progress, Instant deadlineAt, Instant now,
                                 Duration dueSoon) {
        if (copy) {
            return read ? CLOSED : NEW;
        }
        return switch (progress) {
            case REJECTED, CLOSED -> CLOSED;
            case ACCEPTED -> ACCEPTED;
            case ACKNOWLEDGED -> ACKNOWLEDGED;
            case ROUTED, DELIVERED -> now.isAfter(deadlineAt) ? OVERDUE
                    : !now.plus(dueSoon).isBefore(deadlineAt) ? DUE_SOON : NEW;
        };
    }
}
