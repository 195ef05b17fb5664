package dk.hotline.core.referral;

import dk.hotline.contracts.reference.MunicipalityCode;
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
        @Pattern(regexp = MunicipalityCode.CANONICAL, message = MunicipalityCode.MESSAGE) String municipalityCode,
        AgeBand ageBand,
        @NotNull(message = "is required: CONSENT, AJA_115 or ANONYMOUS") LegalBasis legalBasis,
        @Valid CallerContact callerContact,
        @NotBlank(message = "is required")
        @Size(max = ReferralRules.DESCRIPTION_MAX, message = "must be at most " + ReferralRules.DESCRIPTION_MAX + " characters")
        String description) {

    public ReferralRequest {
        municipalityCode = MunicipalityCode.normalise(municipalityCode).orElse(municipalityCode); // "0461" is 461
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
