package dk.hotline.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an instant the way a person pastes it into a URL or a form, for every time
 * parameter of the three services. ISO-8601 with an offset or {@code Z} is the documented
 * form; also taken: the {@code +} of an offset arriving as a space (an unencoded
 * {@code +02:00} in a query string), a space instead of the {@code T}, no seconds, and a
 * local date-time or a bare date without offset, read in Europe/Copenhagen (the time of
 * every business rule).
 */
public final class PastedInstant {

    public static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    public static final String EXAMPLE = "2026-03-01T10:00:00+01:00";
    private static final Pattern SPACED_OFFSET = Pattern.compile("^(.*\\d)\\s(\\d{2}(:?\\d{2})?)$");

    private PastedInstant() {
    }

    /** The instant, or a {@link DateTimeParseException} when the text is none of the forms above. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            throw new DateTimeParseException("empty", String.valueOf(text), 0);
        }
        String value = text.trim();
        Matcher spaced = SPACED_OFFSET.matcher(value);
        if (spaced.matches() && spaced.group(1).contains(":")) {
            value = spaced.group(1) + "+" + spaced.group(2);
        }
        if (value.matches(".*T.*[+-]\\d{4}$")) {
            value = value.substring(0, value.length() - 2) + ":" + value.substring(value.length() - 2);
        }
        if (value.length() > 10 && value.charAt(10) == ' ') {
            value = value.substring(0, 10) + "T" + value.substring(11).trim();
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(DANISH_TIME).toInstant();
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(value).atStartOfDay(DANISH_TIME).toInstant();
            }
        }
    }
}
