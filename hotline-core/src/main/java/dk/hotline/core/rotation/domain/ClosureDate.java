package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.vocabulary.Line;

import java.time.LocalDate;

/** An admin-set whole-day closure (local date) of one line, or of both lines when {@code line} is null. */
public record ClosureDate(LocalDate date, Line line, String reason) {

    /** True when this closure closes the given line. */
    public boolean appliesTo(Line other) {
        return line == null || line == other;
    }
}
