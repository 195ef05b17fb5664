package dk.hotline.core.statistics.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Small-number suppression: no published aggregate may single anyone out.
 * <ol>
 *   <li>Primary: every cell below {@value #THRESHOLD} (zero included) is shown as {@code "<5"}.</li>
 *   <li>Secondary: the total minus the visible cells is the sum of the hidden ones; when that sum is between 1
 *   and 4 the total would reveal a small number (a lone suppressed cell exactly). Then the smallest visible cells
 *   are suppressed too, until the hidden cells together hold at least {@value #THRESHOLD}. When the breakdown has
 *   no visible cell left to hide, the total is suppressed instead.</li>
 *   <li>A total below the threshold is suppressed.</li>
 * </ol>
 * Each breakdown covers all its records (a "not recorded" cell included), so its total equals the headline total
 * of the same records, and hiding a second cell keeps that headline from revealing anything either.
 */
public final class Suppression {

    public static final int THRESHOLD = 5;

    private Suppression() {
    }

    public static Breakdown apply(String name, List<Count> counts) {
        long total = counts.stream().mapToLong(Count::value).sum();
        Set<Integer> hidden = new HashSet<>();
        IntStream.range(0, counts.size()).filter(i -> counts.get(i).value() < THRESHOLD).forEach(hidden::add);
        boolean totalHidden = total < THRESHOLD;
        if (!hidden.isEmpty() && !totalHidden) {
            List<Integer> visibleSmallestFirst = new ArrayList<>(IntStream.range(0, counts.size())
                    .filter(i -> !hidden.contains(i)).boxed().toList());
            visibleSmallestFirst.sort(Comparator.comparingLong((Integer i) -> counts.get(i).value()).thenComparing(i -> i));
            while (reveals(hidden, counts) && !visibleSmallestFirst.isEmpty()) {
                hidden.add(visibleSmallestFirst.remove(0));
            }
            totalHidden = reveals(hidden, counts);
        }
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            Count c = counts.get(i);
            cells.add(hidden.contains(i) ? Cell.suppressed(c.key(), c.label()) : Cell.visible(c.key(), c.label(), c.value()));
        }
        return totalHidden
                ? new Breakdown(name, cells, null, Cell.SUPPRESSED)
                : new Breakdown(name, cells, total, Long.toString(total));
    }

    /** A single figure with nothing beside it (e.g. the year's cases started). */
    public static Cell single(String key, String label, long value) {
        return value < THRESHOLD ? Cell.suppressed(key, label) : Cell.visible(key, label, value);
    }

    /**
     * Whether the total minus the visible cells gives away a small number: the hidden cells together hold between
     * 1 and 4. (Hidden cells that are all zero give away nobody; one hidden cell is its own sum.)
     */
    private static boolean reveals(Set<Integer> hidden, List<Count> counts) {
        long hiddenSum = hidden.stream().mapToLong(i -> counts.get(i).value()).sum();
        return hiddenSum > 0 && hiddenSum < THRESHOLD;
    }
}
