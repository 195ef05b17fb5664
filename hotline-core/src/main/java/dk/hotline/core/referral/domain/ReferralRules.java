package dk.hotline.core.referral.domain;

import dk.hotline.contracts.vocabulary.Severity;

import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.core.advice.domain.FieldProblem;

import java.util.ArrayList;
import java.util.List;

/** What a referral must carry before it may leave the hotline. */
public final class ReferralRules {

    public static final int DESCRIPTION_MAX = 4000;

    private ReferralRules() {
    }

    /**
     * @param copenhagenLocalLine the contact came in on Copenhagen's own line (municipality optional there)
     * @param hasCallerContact    the request carries the caller's contact details
     */
    public static List<FieldProblem> problems(boolean copenhagenLocalLine, Severity severity, LegalBasis legalBasis,
                                              String municipalityCode, AgeBand ageBand, boolean hasCallerContact,
                                              String description) {
        List<FieldProblem> problems = new ArrayList<>();
        if (severity == null) {
            problems.add(new FieldProblem("severity", "is required: ACUTE, HIGH, MEDIUM or LOW"));
        }
        if (legalBasis == null) {
            problems.add(new FieldProblem("legalBasis", "is required: CONSENT, AJA_115 or ANONYMOUS"));
        } else if (hasCallerContact && legalBasis != LegalBasis.CONSENT) {
            problems.add(new FieldProblem("callerContact", "may only be passed on with the caller's consent (legalBasis CONSENT)"));
        }
        if (municipalityCode == null && !copenhagenLocalLine) {
            problems.add(new FieldProblem("municipalityCode", "is required (except on the Copenhagen local line)"));
        }
        if (ageBand == null) {
            problems.add(new FieldProblem("ageBand", "is required"));
        }
        if (description == null || description.isBlank()) {
            problems.add(new FieldProblem("description", "is required"));
        } else if (description.length() > DESCRIPTION_MAX) {
            problems.add(new FieldProblem("description", "must be at most " + DESCRIPTION_MAX + " characters"));
        }
        return problems;
    }
}
