package dk.hotline.core.statistics.domain;

/** A raw count before suppression; never published as is. */
public record Count(String key, String label, long value) {

    public Count {
        if (value < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + key);
        }
    }
}
