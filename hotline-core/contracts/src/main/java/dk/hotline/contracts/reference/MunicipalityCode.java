package dk.hotline.contracts.reference;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for writing a municipality code (kommunekode): three digits, as in the reference data and on every
 * event ("461"). Some registers write it with four digits and a leading zero ("0461"); both are read as the same
 * code, and surrounding blanks are ignored. Every service normalises with this class, nowhere else.
 */
public final class MunicipalityCode {

    /** What an input field accepts (for {@code @Pattern}): three digits, or four with a leading zero, blanks around. */
    public static final String ACCEPTED = "\\s*0?\\d{3}\\s*";
    /** How a code is written once normalised (events, storage). */
    public static final String CANONICAL = "\\d{3}";
    /** Said of a value that is not a code. */
    public static final String MESSAGE = "must be a 3-digit municipality code (a leading zero, as in 0461, is allowed)";

    private static final Pattern SHAPE = Pattern.compile(ACCEPTED.replace("\\d{3}", "(\\d{3})"));

    private MunicipalityCode() {
    }

    /** The canonical 3-digit code, or empty when the value is not shaped like a municipality code. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(raw);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
