package dk.hotline.core.referral;

import dk.hotline.contracts.MunicipalityCode;
import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.core.referral.domain.LegalBasis;
import dk.hotline.core.referral.domain.ReferralRules;
import dk.hotline.contracts.vocabulary.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A referral as the advisor asks for it. {@code municipalityCode} and
 * {@code ageBand} default to the log's when left out. Site, line, advisor and
 * the concern category come from the log and the token, never from here.
 */
public record ReferralRequest(
        @NotNull(message = "is required: ACUTE, HIGH, MEDIUM or LOW") Severity severity,
        @Pattern(regexp = "\\d{3}", message = "must be a 3-digit municipality code") String municipalityCode,
        AgeBand ageBand,
        @NotNull(message = "is required: CONSENT, AJA_115 or ANONYMOUS") LegalBasis legalBasis,
        @Valid CallerContact callerContact,
        @NotBlank(message = "is required")
        @Size(max = ReferralRules.DESCRIPTION_MAX, message = "must be at most " + ReferralRules.DESCRIPTION_MAX + " characters")
        String description) {

    /** "0461" and " 461" are taken as "461": one rule with routing ({@link MunicipalityCode}). */
    public ReferralRequest {
        municipalityCode = MunicipalityCode.normalise(municipalityCode);
    }

    /** The caller's contact details; passed on only with the caller's consent. */
    public record CallerContact(@Size(max = 200, message = "must be at most 200 characters") String name,
                                @Pattern(regexp = "\\+?[0-9 ]{6,20}", message = "must be a phone number") String phone,
                                @Email(message = "must be an e-mail address") @Size(max = 254, message = "must be at most 254 characters") String email) {

        public boolean isEmpty() {
            return isBlank(name) && isBlank(phone) && isBlank(email);
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }
}
