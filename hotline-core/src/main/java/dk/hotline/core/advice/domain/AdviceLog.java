package dk.hotline.core.advice.domain;

import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.CallerRole;
import dk.hotline.contracts.vocabulary.ConcernCategory;

import java.util.Set;

/** The content of an advice log, as the domain rules see it. Any field may be missing while it is a draft. */
public record AdviceLog(CallerRole callerRole, Sector callerSector, ConcernCategory concernCategory, AgeBand ageBand,
                        String municipalityCode, Set<AdviceTheme> adviceThemes, String summary, Outcome outcome) {

    public static final int SUMMARY_MAX = 4000;

    public AdviceLog {
        adviceThemes = adviceThemes == null ? Set.of() : Set.copyOf(adviceThemes);
    }
}
