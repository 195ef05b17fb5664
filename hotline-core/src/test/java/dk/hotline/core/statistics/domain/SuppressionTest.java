package dk.hotline.core.statistics.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuppressionTest {

    private static Breakdown of(long... values) {
        List<Count> counts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            counts.add(new Count("k" + i, "label " + i, values[i]));
        }
        return Suppression.apply("test", counts);
    }

    private static List<String> shown(Breakdown b) {
        return b.cells().stream().map(Cell::shown).toList();
    }

    @Test
    void cellsOfFiveAndMoreAreShownAsTheyAre() {
        Breakdown b = of(5, 12, 300);
        assertThat(shown(b)).containsExactly("5", "12", "300");
        assertThat(b.totalShown()).isEqualTo("317");
    }

    @Test
    void everyCellBelowFiveIsShownAsLessThanFiveAndCarriesNoCount() {
        for (long small = 1; small < 5; small++) {
            Breakdown b = of(small, 3, 40, 50);
            assertThat(b.cell("k0").shown()).isEqualTo("<5");
            assertThat(b.cell("k0").count()).as("no count behind a suppressed cell").isNull();
        }
    }

    @Test
    void aLoneSmallCellTakesTheSmallestVisibleCellWithItSoTheTotalRevealsNothing() {
        Breakdown b = of(3, 40, 7, 50);
        assertThat(shown(b)).containsExactly("<5", "40", "<5", "50");
        assertThat(b.totalShown()).isEqualTo("100");
    }

    @Test
    void twoSmallCellsThatTogetherStayBelowFiveTakeAThirdOne() {
        Breakdown b = of(1, 2, 9, 20);
        assertThat(shown(b)).containsExactly("<5", "<5", "<5", "20");
        assertThat(b.totalShown()).isEqualTo("32");
    }

    @Test
    void smallCellsThatTogetherHoldFiveOrMoreNeedNoThirdOne() {
        Breakdown b = of(3, 4, 9, 20);
        assertThat(shown(b)).containsExactly("<5", "<5", "9", "20");
        assertThat(b.totalShown()).isEqualTo("36");
    }

    @Test
    void zerosAreShownAsLessThanFiveButGiveAwayNobodySoTheyNeedNoCompanion() {
        Breakdown b = of(0, 0, 30, 70);
        assertThat(shown(b)).containsExactly("<5", "<5", "30", "70");
        assertThat(b.totalShown()).isEqualTo("100");
    }

    @Test
    void theTotalIsSuppressedWhenNoVisibleCellIsLeftToHideWithTheSmallOne() {
        Breakdown b = of(3);
        assertThat(shown(b)).containsExactly("<5");
        assertThat(b.totalSuppressed()).isTrue();
        assertThat(b.totalShown()).isEqualTo("<5");
    }

    @Test
    void aTotalBelowFiveIsSuppressed() {
        Breakdown b = of(1, 1, 1);
        assertThat(shown(b)).containsOnly("<5");
        assertThat(b.total()).isNull();
    }

    @Test
    void allCellsSmallButTheirSumLargeKeepTheTotalVisible() {
        Breakdown b = of(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        assertThat(shown(b)).containsOnly("<5");
        assertThat(b.totalShown()).isEqualTo("24");
    }

    @Test
    void noPublishedBreakdownLetsAHiddenSumBetweenOneAndFourBeDerived() {
        long[][] cases = {{1, 5}, {4, 5, 5}, {2, 2, 100}, {1, 6, 6, 6}, {0, 4, 10, 11}, {3, 3}, {4, 0, 0, 0, 9}};
        for (long[] values : cases) {
            Breakdown b = of(values);
            if (b.totalSuppressed()) {
                continue;
            }
            long visible = b.cells().stream().filter(c -> !c.isSuppressed()).mapToLong(Cell::count).sum();
            long derivable = b.total() - visible;
            assertThat(derivable == 0 || derivable >= Suppression.THRESHOLD)
                    .as("total - visible cells = %d for %s", derivable, java.util.Arrays.toString(values)).isTrue();
        }
    }

    @Test
    void aSingleFigureBelowFiveIsSuppressed() {
        assertThat(Suppression.single("x", "x", 4).shown()).isEqualTo("<5");
        assertThat(Suppression.single("x", "x", 5).shown()).isEqualTo("5");
    }

    @Test
    void aShareIsSuppressedWhenThePartOrTheRestIsSmall() {
        assertThat(Share.of(3, 100).shown()).isEqualTo("<5");
        assertThat(Share.of(97, 100).shown()).isEqualTo("<5");
        assertThat(Share.of(25, 100).percent()).isEqualTo(25.0);
        assertThat(Share.of(25, 100).shown()).isEqualTo("25,0 %");
        assertThat(Share.of(0, 0).shown()).isEqualTo("<5");
    }

    @Test
    void medianAndP90AreSuppressedBehindFewerThanFiveCalls() {
        assertThat(Spread.of(4, 30.0, 60.0).medianSeconds()).isNull();
        assertThat(Spread.of(4, 30.0, 60.0).calls()).isNull();
        assertThat(Spread.of(5, 30.0, 125.0).shown()).isEqualTo("0:30 / 2:05");
    }
}
