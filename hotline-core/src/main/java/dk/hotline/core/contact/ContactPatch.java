package dk.hotline.core.contact;

import dk.hotline.core.advice.domain.AdviceLog;
import dk.hotline.core.advice.domain.AdviceTheme;
import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.CallerRole;
import dk.hotline.contracts.vocabulary.ConcernCategory;
import dk.hotline.core.advice.domain.Outcome;
import dk.hotline.core.advice.domain.Sector;
import dk.hotline.contracts.MunicipalityCode;
import dk.hotline.core.contact.domain.ContactField;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/**
 * A partial change of a log (autosave): a field that is absent or null is left
 * as it is; a field named in {@code clear} is emptied.
 */
public record ContactPatch(CallerRole callerRole, Sector callerSector, ConcernCategory concernCategory, AgeBand ageBand,
                           @Pattern(regexp = "\\d{3}", message = "must be a 3-digit municipality code") String municipalityCode,
                           Set<AdviceTheme> adviceThemes,
                           @Size(max = AdviceLog.SUMMARY_MAX, message = "must be at most " + AdviceLog.SUMMARY_MAX + " characters") String summary,
                           Outcome outcome,
                           Set<ContactField> clear) {

    /** "0461" and " 461" are taken as "461": one rule with routing ({@link MunicipalityCode}). */
    public ContactPatch {
        municipalityCode = MunicipalityCode.normalise(municipalityCode);
    }

    public AdviceLog applyTo(AdviceLog log) {
        Set<ContactField> cleared = clear == null ? Set.of() : clear;
        return new AdviceLog(
                pick(callerRole, log.callerRole(), cleared.contains(ContactField.callerRole)),
                pick(callerSector, log.callerSector(), cleared.contains(ContactField.callerSector)),
                pick(concernCategory, log.concernCategory(), cleared.contains(ContactField.concernCategory)),
                pick(ageBand, log.ageBand(), cleared.contains(ContactField.ageBand)),
                pick(municipalityCode, log.municipalityCode(), cleared.contains(ContactField.municipalityCode)),
                pick(adviceThemes, log.adviceThemes(), cleared.contains(ContactField.adviceThemes)),
                pick(summary, log.summary(), cleared.contains(ContactField.summary)),
                pick(outcome, log.outcome(), cleared.contains(ContactField.outcome)));
    }

    private static <T> T pick(T sent, T current, boolean cleared) {
        if (sent != null) {
            return sent;
        }
        return cleared ? null : current;
    }
}
