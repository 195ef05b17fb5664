package dk.hotline.core.statistics.domain;

import java.util.List;

/** A published distribution (e.g. contacts by kind of concern) and its total, after small-number suppression. */
public record Breakdown(String name, List<Cell> cells, Long total, String totalShown) {

    public Breakdown {
        cells = List.copyOf(cells);
    }

    public boolean totalSuppressed() {
        return total == null;
    }

    public Cell cell(String key) {
        return cells.stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cell " + key + " in " + name));
    }
}
