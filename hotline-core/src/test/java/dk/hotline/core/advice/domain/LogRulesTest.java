package dk.hotline.core.advice.domain;

import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.CallerRole;
import dk.hotline.contracts.vocabulary.ConcernCategory;

import dk.hotline.contracts.vocabulary.Vocabulary;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LogRulesTest {

    static final AdviceLog COMPLETE = new AdviceLog(CallerRole.PROFESSIONAL, Sector.PSYCHIATRY, ConcernCategory.HYBRID,
            AgeBand.AGE_18_24, null, Set.of(AdviceTheme.LOCAL_OFFERS), "summary", Outcome.ADVICE_ONLY);

    @Test
    void completeLogMayBeFinalisedWithoutAMunicipality() {
        assertThat(LogRules.problemsBeforeFinalising(COMPLETE)).isEmpty();
    }

    @Test
    void outcomeIsAlwaysRequired() {
        AdviceLog empty = new AdviceLog(null, null, null, null, null, null, null, null);
        assertThat(LogRules.problemsBeforeFinalising(empty)).extracting(FieldProblem::field).containsExactly("outcome");
    }

    @Test
    void callWithoutContentNeedsNothingElse() {
        for (Outcome outcome : Outcome.values()) {
            if (outcome.withoutContent()) {
                AdviceLog log = new AdviceLog(null, null, null, null, null, null, null, outcome);
                assertThat(LogRules.problemsBeforeFinalising(log)).as(outcome.name()).isEmpty();
            }
        }
    }

    @Test
    void professionalNeedsASectorAndOnlyAProfessionalHasOne() {
        AdviceLog noSector = new AdviceLog(CallerRole.PROFESSIONAL, null, ConcernCategory.UNCLEAR, AgeBand.UNKNOWN, null,
                Set.of(AdviceTheme.OTHER), "s", Outcome.ADVICE_ONLY);
        assertThat(LogRules.problemsBeforeFinalising(noSector)).extracting(FieldProblem::field).containsExactly("callerSector");
        AdviceLog relativeWithSector = new AdviceLog(CallerRole.RELATIVE, Sector.SCHOOL, null, null, null, null, null, null);
        assertThat(LogRules.consistency(relativeWithSector)).extracting(FieldProblem::field).containsExactly("callerSector");
    }

    @Test
    void sentToOneOneTwoNeedsNoAdviceTheme() {
        AdviceLog log = new AdviceLog(CallerRole.PRIVATE_CITIZEN, null, ConcernCategory.UNCLEAR, AgeBand.UNKNOWN, null,
                Set.of(), "Told to ring 112", Outcome.ADVISED_TO_CALL_112);
        assertThat(LogRules.problemsBeforeFinalising(log)).isEmpty();
    }

    @Test
    void everyVocabularyValueHasDanishAndEnglishLabels() {
        for (Vocabulary[] values : new Vocabulary[][]{CallerRole.values(), Sector.values(), ConcernCategory.values(),
                AgeBand.values(), AdviceTheme.values(), Outcome.values()}) {
            for (Vocabulary v : values) {
                assertThat(v.da()).as(v.name()).isNotBlank();
                assertThat(v.en()).as(v.name()).isNotBlank();
            }
        }
    }
}
