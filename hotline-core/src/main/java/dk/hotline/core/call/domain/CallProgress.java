package dk.hotline.core.call.domain;

import java.time.Instant;

/**
 * Whether an event moves a call record on. Events of one call arrive in order
 * (one key, one partition), but a redelivery after a restart may bring an old
 * one back: an event older than the last one applied never moves the state
 * back, though it may still fill a time that is missing.
 */
public final class CallProgress {

    private CallProgress() {
    }

    public static boolean movesStateOn(CallState current, Instant lastEventAt, CallState incoming, Instant occurredAt) {
        if (current == null || lastEventAt == null) {
            return true;
        }
        if (current.isFinal() && !incoming.isFinal()) {
            return false;
        }
        if (occurredAt.isAfter(lastEventAt)) {
            return true;
        }
        return occurredAt.equals(lastEventAt) && incoming.ordinal() > current.ordinal();
    }
}
