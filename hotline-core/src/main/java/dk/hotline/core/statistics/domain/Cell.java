package dk.hotline.core.statistics.domain;

/**
 * One published figure of a breakdown. A suppressed cell carries no count at all, only {@code "<5"}, so no
 * serialisation of a report can leak it.
 */
public record Cell(String key, String label, Long count, String shown) {

    public static final String SUPPRESSED = "<5";

    static Cell visible(String key, String label, long count) {
        return new Cell(key, label, count, Long.toString(count));
    }

    static Cell suppressed(String key, String label) {
        return new Cell(key, label, null, SUPPRESSED);
    }

    public boolean isSuppressed() {
        return count == null;
    }
}
