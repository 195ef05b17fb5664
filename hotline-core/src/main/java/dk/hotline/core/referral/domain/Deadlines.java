package dk.hotline.core.referral.domain;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The deadline of a referral, by severity, in Danish local time: "within 24
 * hours" is read as "by the same clock time tomorrow" in Europe/Copenhagen, so
 * across a daylight-saving change a HIGH referral gets 23 or 25 real hours and
 * the deadline the recipient reads on the wall clock is what they expect.
 * ACUTE is due at once.
 */
public final class Deadlines {

    public static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private Deadlines() {
    }

    public static Instant deadline(Severity severity, Instant createdAt) {
        return createdAt.atZone(DANISH_TIME).plusDays(severity.days()).toInstant();
    }
}
