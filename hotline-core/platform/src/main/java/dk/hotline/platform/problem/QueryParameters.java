package dk.hotline.platform.problem;

import dk.hotline.platform.time.PastedInstant;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Query parameters read as a person types or pastes them, for every service: a value that does not parse is a 400
 * problem+json naming the parameter (the framework's own conversion would answer a bare 404).
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** An instant as {@link PastedInstant} reads it ({@code +02:00} as typed, {@code Z}, or Danish local time). */
    public static Instant instant(String name, String value, Instant absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return PastedInstant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(name, "must be a date-time such as " + PastedInstant.EXAMPLE
                    + " (the offset may be left out: Danish time)");
        }
    }

    /** A whole number from {@code min} to {@code max}; absent means {@code absent}. */
    public static int intInRange(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badField(name, "must be a whole number from " + min + " to " + max);
    }
}
