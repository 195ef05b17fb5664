package dk.hotline.core.transfer.domain;

import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.advice.domain.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransferRulesTest {

    private static TransferRules.Checked check(String target, String site, String endpoint, String note) {
        return TransferRules.check(target, site, endpoint, note, Site.AARHUS, "advisor-aarhus-1");
    }

    private static String field(TransferRules.Checked checked) {
        assertThat(checked.order()).isNull();
        return checked.problems().stream().map(FieldProblem::field).findFirst().orElseThrow();
    }

    @Test
    void theOtherSiteTheCoordinationUnitOrAColleagueWithANote() {
        assertThat(check("SITE", "COPENHAGEN", null, "  Moderen er bekymret.  ").order())
                .isEqualTo(new TransferOrder(TransferTarget.SITE, Site.COPENHAGEN, null, "Moderen er bekymret."));
        assertThat(check("COORDINATION", "", "", "").order()).isEqualTo(new TransferOrder(TransferTarget.COORDINATION, null, null, null));
        assertThat(check("COLLEAGUE", null, "advisor-aarhus-2", null).order())
                .isEqualTo(new TransferOrder(TransferTarget.COLLEAGUE, null, "advisor-aarhus-2", null));
    }

    @Test
    void eachMistakeNamesItsField() {
        assertThat(field(check(null, null, null, null))).isEqualTo("target");
        assertThat(field(check("QUEUE", null, null, null))).isEqualTo("target");
        assertThat(field(check("SITE", null, null, null))).isEqualTo("site");
        assertThat(field(check("SITE", "ODENSE", null, null))).isEqualTo("site");
        assertThat(field(check("SITE", "AARHUS", null, null))).as("the call's own site").isEqualTo("site");
        assertThat(field(check("COORDINATION", "COPENHAGEN", null, null))).isEqualTo("site");
        assertThat(field(check("COLLEAGUE", null, null, null))).isEqualTo("endpoint");
        assertThat(field(check("COLLEAGUE", null, "Jens Hansen", null))).isEqualTo("endpoint");
        assertThat(field(check("COLLEAGUE", null, "advisor-aarhus-1", null))).as("one's own phone").isEqualTo("endpoint");
        assertThat(field(check("SITE", "COPENHAGEN", "advisor-cph-1", null))).isEqualTo("endpoint");
        assertThat(field(check("COORDINATION", null, null, "x".repeat(TransferRules.NOTE_MAX + 1)))).isEqualTo("note");
        assertThat(check("COORDINATION", null, null, "x".repeat(TransferRules.NOTE_MAX)).problems()).isEmpty();
    }
}
