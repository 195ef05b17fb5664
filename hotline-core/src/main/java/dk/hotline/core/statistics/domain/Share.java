package dk.hotline.core.statistics.domain;

/** A part of a whole in per cent, one decimal; suppressed (null) when the part or the rest is below the
 * threshold (either would be a small count given away by the whole). */
public record Share(Double percent, String shown) {

    public static Share of(long part, long whole) {
        if (whole <= 0 || part < Suppression.THRESHOLD || whole - part < Suppression.THRESHOLD) {
            return new Share(null, Cell.SUPPRESSED);
        }
        double percent = Math.round(1000.0 * part / whole) / 10.0;
        return new Share(percent, String.format(java.util.Locale.ROOT, "%.1f %%", percent).replace('.', ','));
    }
}
