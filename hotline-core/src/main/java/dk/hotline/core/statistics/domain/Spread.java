package dk.hotline.core.statistics.domain;

/**
 * Median and 90th percentile of a duration in seconds over some calls; suppressed (nulls) when fewer than the
 * threshold of calls stand behind it, since a median of two calls is nearly a person's own figure.
 */
public record Spread(Long calls, Double medianSeconds, Double p90Seconds, String shown) {

    public static Spread of(long calls, Double median, Double p90) {
        if (calls < Suppression.THRESHOLD || median == null || p90 == null) {
            return new Spread(calls < Suppression.THRESHOLD ? null : calls, null, null, Cell.SUPPRESSED);
        }
        return new Spread(calls, median, p90, clock(median) + " / " + clock(p90));
    }

    /** m:ss */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return (s / 60) + ":" + String.format(java.util.Locale.ROOT, "%02d", s % 60);
    }
}
