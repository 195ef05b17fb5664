package dk.hotline.contracts;

/**
 * The one rule for a municipality code (kommunekode) arriving from a person or another service, in core and routing
 * alike: the official code has three digits ("461"); the four-digit form of CPR and DAWA with its leading zero
 * ("0461") and surrounding spaces are taken and written as the three digits. Events carry the three digits only
 * (referral-created.v1).
 */
public final class MunicipalityCode {

    private MunicipalityCode() {
    }

    /** The three-digit code for "461", " 461 " or "0461"; anything else comes back trimmed, for the caller to refuse. */
    public static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String trimmed = code.strip();
        if (trimmed.length() == 4 && trimmed.charAt(0) == '0' && isDigits(trimmed)) {
            return trimmed.substring(1);
        }
        return trimmed;
    }

    /** Whether {@link #normalise} makes three digits of it (whether such a municipality exists is the data's call). */
    public static boolean isWellFormed(String code) {
        String normalised = normalise(code);
        return normalised != null && normalised.length() == 3 && isDigits(normalised);
    }

    private static boolean isDigits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
