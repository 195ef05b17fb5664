package dk.hotline.core.statistics.domain;

import java.util.List;

/** Danish month names, as the report shows them. */
public final class Months {

    public static final List<String> NAMES = List.of("januar", "februar", "marts", "april", "maj", "juni", "juli",
            "august", "september", "oktober", "november", "december");

    private Months() {
    }
}
