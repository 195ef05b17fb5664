package dk.hotline.telephony.testsupport;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** dk.hotline.rotation.schedule.v1 payloads around "now", as core would publish them. */
public final class ScheduleJsonSamples {

    private ScheduleJsonSamples() {
    }

    /** Open now at {@code site} for two hours, closed for the rest of the day after. */
    public static String openNow(String line, long version, String site) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = now.minus(2, ChronoUnit.HOURS);
        Instant close = now.plus(2, ChronoUnit.HOURS);
        Instant until = now.plus(1, ChronoUnit.DAYS);
        return json(line, version, from, until,
                segment(from, close, site, true, "open hours") + ","
                        + segment(close, until, site, false, "closed after opening"));
    }

    /** Closed at {@code now} (a holiday), opening again three hours later. */
    public static String closedAt(Instant now, String line, long version, String site) {
        Instant from = now.minus(2, ChronoUnit.HOURS);
        Instant opens = now.plus(3, ChronoUnit.HOURS);
        Instant until = now.plus(1, ChronoUnit.DAYS);
        return json(line, version, from, until,
                segment(from, opens, site, false, "holiday") + ","
                        + segment(opens, until, site, true, "open hours"));
    }


    private static String segment(Instant from, Instant to, String site, boolean open, String rule) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"site\":\"" + site + "\",\"open\":" + open
                + ",\"rule\":\"" + rule + "\"}";
    }

    private static String json(String line, long version, Instant from, Instant until, String segments) {
        return "{\"line\":\"" + line + "\",\"version\":" + version + ",\"publishedAt\":\"" + Instant.now()
                + "\",\"validFrom\":\"" + from + "\",\"validUntil\":\"" + until + "\",\"segments\":[" + segments
                + "]}";
    }
}
