package dk.hotline.core.rotation.domain;

import java.time.LocalTime;

/**
 * Local wall-clock opening interval [opens, closes) on one day.
 * {@code closes == 00:00} means midnight at the end of the day (24:00), so
 * {@code 00:00-00:00} is the whole day. Intervals never cross midnight.
 */
public record OpeningInterval(LocalTime opens, LocalTime closes) {

    public static OpeningInterval of(String opens, String closes) {
        return new OpeningInterval(LocalTime.parse(opens), LocalTime.parse(closes));
    }

    /** True when the interval runs up to midnight at the end of the day. */
    public boolean untilMidnight() {
        return LocalTime.MIDNIGHT.equals(closes);
    }

    /** Opens strictly before closes (closes 00:00 counting as 24:00). */
    boolean wellFormed() {
        return untilMidnight() || opens.isBefore(closes);
    }

    /** Closing time as nanoseconds of day, 24:00 for midnight. */
    long closesNanos() {
        return untilMidnight() ? 24L * 3600 * 1_000_000_000L : closes.toNanoOfDay();
    }

    long opensNanos() {
        return opens.toNanoOfDay();
    }

    @Override
    public String toString() {
        return ExplanationFormat.time(opens) + "-" + ExplanationFormat.endTime(closes);
    }
}
