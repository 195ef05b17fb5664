package dk.hotline.core.console;

import dk.hotline.core.advice.domain.AdviceTheme;
import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.CallerRole;
import dk.hotline.contracts.vocabulary.ConcernCategory;
import dk.hotline.core.advice.domain.Outcome;
import dk.hotline.core.advice.domain.Sector;
import dk.hotline.contracts.vocabulary.Vocabulary;
import dk.hotline.core.reference.Municipalities;
import dk.hotline.core.referral.domain.LegalBasis;
import dk.hotline.contracts.vocabulary.Severity;
import io.quarkus.qute.TemplateGlobal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The choices of the console's forms, with the same Danish labels as /api/vocabularies (each vocabulary's
 * {@code da()}): one source for what an advisor reads.
 */
@TemplateGlobal
public final class Terms {

    /** One choice: the code sent back, and what the advisor reads. */
    public record Term(String code, String label) {
    }

    static final List<Term> callerRoles = terms(CallerRole.values());
    static final List<Term> sectors = terms(Sector.values());
    static final List<Term> concernCategories = terms(ConcernCategory.values());
    static final List<Term> ageBands = terms(AgeBand.values());
    static final List<Term> adviceThemes = terms(AdviceTheme.values());
    static final List<Term> outcomes = Arrays.stream(Outcome.values()).filter(o -> !o.withoutContent()).map(o -> new Term(o.name(), o.da())).toList();
    static final List<Term> contentlessOutcomes = Arrays.stream(Outcome.values()).filter(Outcome::withoutContent).map(o -> new Term(o.name(), o.da())).toList();
    static final List<Term> severities = terms(Severity.values());
    static final List<Term> legalBases = terms(LegalBasis.values());
    static final List<Term> municipalities = Municipalities.shipped().all().entrySet().stream()
            .map(e -> new Term(e.getKey(), e.getValue())).sorted(Comparator.comparing(Term::label)).toList();

    private Terms() {
    }

    private static List<Term> terms(Vocabulary[] values) {
        return Arrays.stream(values).map(v -> new Term(v.name(), v.da())).toList();
    }
}
