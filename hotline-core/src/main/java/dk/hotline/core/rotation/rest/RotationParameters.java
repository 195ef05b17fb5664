package dk.hotline.core.rotation.rest;

import dk.hotline.platform.problem.Problem;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.platform.problem.QueryParameters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Parses path, query and header values ourselves, so a bad one answers 400
 * naming the parameter instead of the framework's bare 404.
 */
final class RotationParameters {

    private RotationParameters() {
    }

    static <E extends Enum<E>> E requiredEnum(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, "is required; one of " + names(type));
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "must be one of " + names(type));
        }
    }

    static <E extends Enum<E>> E optionalEnum(String field, String value, Class<E> type) {
        return value == null || value.isBlank() ? null : requiredEnum(field, value, type);
    }

    /** An instant as a person pastes it ({@link QueryParameters#instant}); absent means {@code fallback}. */
    static Instant instant(String field, String value, Instant fallback) {
        return QueryParameters.instant(field, value, fallback);
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, "is required, e.g. 2026-12-24");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, "must be a date like 2026-12-24");
        }
    }

    static YearMonth month(String field, String value) {
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw ProblemException.badField(field, "must be a month like 2026-03 (month 01 to 12)");
        }
    }

    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badField(field, "must be a UUID");
        }
    }

    static int intInRange(String field, String value, int fallback, int min, int max) {
        return QueryParameters.intInRange(field, value, fallback, min, max);
    }

    /** The version a write is based on, from {@code If-Match: "7"} (weak or strong). No header: 428. */
    static long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(428, "precondition-required", "If-Match required",
                    "Send the version you edited as If-Match (the ETag of GET /api/rotation), so no change is overwritten unseen",
                    List.of(new Problem.FieldError("If-Match", "is required")));
        }
        String v = header.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badField("If-Match", "must be the schedule version as an ETag, e.g. \"7\"");
        }
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
