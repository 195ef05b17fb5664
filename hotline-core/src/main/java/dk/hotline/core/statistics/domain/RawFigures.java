package dk.hotline.core.statistics.domain;

import java.util.Map;

/**
 * The counts the database aggregates for one period and selection, before suppression. Never published: only
 * {@link YearlyReport#assemble} reads it.
 *
 * @param contacts         dimension ({@code month, concern, role, sector, age, municipality, outcome}) → value → count;
 *                         a value of {@code null} in the database arrives as {@link #NOT_RECORDED}
 * @param calls            month (1–12) → the month's calls
 * @param waiting          waiting time of answered calls
 * @param talk             talk time of answered calls
 * @param referrals        dimension ({@code severity, recipient, deadline, outcome}) → value → count
 * @param recipientNames   recipient id → its name as routing gave it
 */
public record RawFigures(Map<String, Map<String, Long>> contacts,
                         Map<Integer, CallMonth> calls,
                         Durations waiting,
                         Durations talk,
                         Map<String, Map<String, Long>> referrals,
                         Map<String, String> recipientNames) {

    public static final String NOT_RECORDED = "NOT_RECORDED";

    /** A month's calls: offered to a queue, answered, abandoned in the queue, and arriving while the line was closed. */
    public record CallMonth(long offered, long answered, long abandoned, long whileClosed) {
    }

    /** Median and 90th percentile (seconds) over {@code calls} calls. */
    public record Durations(long calls, Double median, Double p90) {
    }

    public Map<String, Long> contacts(String dimension) {
        return contacts.getOrDefault(dimension, Map.of());
    }

    public Map<String, Long> referrals(String dimension) {
        return referrals.getOrDefault(dimension, Map.of());
    }
}
