package dk.hotline.core.referral.domain;

import dk.hotline.contracts.vocabulary.Severity;

import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.core.advice.domain.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferralRulesTest {

    @Test
    void completeReferralWithConsentMayCarryContactDetails() {
        assertThat(ReferralRules.problems(false, Severity.HIGH, LegalBasis.CONSENT, "461", AgeBand.AGE_15_17, true, "d")).isEmpty();
    }

    @Test
    void contactDetailsWithoutConsentAreRefused() {
        assertThat(ReferralRules.problems(false, Severity.HIGH, LegalBasis.AJA_115, "461", AgeBand.AGE_15_17, true, "d"))
                .extracting(FieldProblem::field).containsExactly("callerContact");
        assertThat(ReferralRules.problems(false, Severity.HIGH, LegalBasis.ANONYMOUS, "461", AgeBand.AGE_15_17, true, "d"))
                .extracting(FieldProblem::field).containsExactly("callerContact");
    }

    @Test
    void municipalityMayBeLeftOutOnlyOnTheCopenhagenLocalLine() {
        assertThat(ReferralRules.problems(false, Severity.LOW, LegalBasis.ANONYMOUS, null, AgeBand.UNKNOWN, false, "d"))
                .extracting(FieldProblem::field).containsExactly("municipalityCode");
        assertThat(ReferralRules.problems(true, Severity.LOW, LegalBasis.ANONYMOUS, null, AgeBand.UNKNOWN, false, "d")).isEmpty();
    }

    @Test
    void everyMissingPieceIsNamed() {
        assertThat(ReferralRules.problems(false, null, null, null, null, false, " "))
                .extracting(FieldProblem::field)
                .containsExactly("severity", "legalBasis", "municipalityCode", "ageBand", "description");
    }
}
