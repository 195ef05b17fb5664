package dk.hotline.core.vocabulary;

import dk.hotline.core.advice.domain.AdviceTheme;
import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.CallerRole;
import dk.hotline.contracts.vocabulary.ConcernCategory;
import dk.hotline.core.advice.domain.Outcome;
import dk.hotline.core.advice.domain.Sector;
import dk.hotline.contracts.vocabulary.Vocabulary;
import dk.hotline.core.contact.domain.Channel;
import dk.hotline.core.referral.domain.LegalBasis;
import dk.hotline.contracts.vocabulary.Severity;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The closed vocabularies of the advice log and referrals, with Danish and English labels, for forms. */
@Path("/api/vocabularies")
@Tag(name = "Contacts and advice log")
public class VocabularyResource {

    public record Term(String code, String da, String en) {
    }

    @GET
    @Authenticated
    @Operation(summary = "Every closed vocabulary: code, Danish label, English label")
    public Map<String, List<Term>> all() {
        Map<String, List<Term>> all = new LinkedHashMap<>();
        all.put("channel", terms(Channel.values()));
        all.put("callerRole", terms(CallerRole.values()));
        all.put("callerSector", terms(Sector.values()));
        all.put("concernCategory", terms(ConcernCategory.values()));
        all.put("ageBand", terms(AgeBand.values()));
        all.put("adviceThemes", terms(AdviceTheme.values()));
        all.put("outcome", terms(Outcome.values()));
        all.put("severity", terms(Severity.values()));
        all.put("legalBasis", terms(LegalBasis.values()));
        return all;
    }

    private static List<Term> terms(Vocabulary[] values) {
        return Arrays.stream(values).map(v -> new Term(v.name(), v.da(), v.en())).toList();
    }
}
