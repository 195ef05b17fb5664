package dk.hotline.routing.screen;

import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Severity;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.routing.recipient.domain.RecipientResolver;
import dk.hotline.routing.recipient.domain.RoutingRequest;
import dk.hotline.routing.support.RoutingTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Every routing rule's reason, worded in Danish for the recipients' pages from the same facts as the English. */
@QuarkusTest
@QuarkusTestResource(RoutingTestResources.class)
class RoutingReasonWordingTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:10:00Z");

    @Inject
    RecipientResolver resolver;

    @Inject
    RoutingReasonWording wording;

    private String danish(Line line, Severity severity, String code, AgeBand age, Site site) {
        return wording.danish(resolver.resolve(new RoutingRequest(line, severity, code, age, site, NOW)).reason());
    }

    @Test
    void anAdultGoesToTheInfohusOfTheMunicipalitysPoliceDistrict() {
        assertThat(danish(Line.NATIONAL, Severity.MEDIUM, "461", AgeBand.AGE_25_PLUS, Site.AARHUS))
                .isEqualTo("Odense (kommune 461) hører under Fyns Politi → Infohus Fyn");
    }

    @Test
    void aMinorGoesToTheSspNetworkAndTheInfohusGetsACopy() {
        assertThat(danish(Line.NATIONAL, Severity.MEDIUM, "630", AgeBand.UNDER_15, Site.AARHUS))
                .isEqualTo("Under 18 år: Vejle (kommune 630) → SSP Vejle; Infohus Sydøstjylland får en kopi"
                        + " (Vejle (kommune 630) hører under Sydøstjyllands Politi)");
    }

    @Test
    void christiansoeIsSaidToBeNoMunicipality() {
        assertThat(danish(Line.NATIONAL, Severity.LOW, "411", AgeBand.AGE_25_PLUS, Site.AARHUS))
                .isEqualTo("Christiansø (411) er ikke en kommune, men hører under Bornholms Politi → Infohus Bornholm");
    }

    @Test
    void acuteGoesToThePoliceDistrictDirectly() {
        assertThat(danish(Line.NATIONAL, Severity.ACUTE, "461", AgeBand.AGE_25_PLUS, Site.AARHUS))
                .isEqualTo("Akut: Odense (kommune 461) hører under Fyns Politi → Fyns Politi direkte"
                        + " (akut fare er en politisag)");
        assertThat(danish(Line.NATIONAL, Severity.ACUTE, null, AgeBand.AGE_25_PLUS, Site.AARHUS))
                .isEqualTo("Akut: Der er ikke angivet en kommune → politikredsen for hotlinens vagt i Aarhus:"
                        + " Østjyllands Politi direkte (akut fare er en politisag)");
    }

    @Test
    void copenhagensLocalLineAndAnUnknownMunicipality() {
        assertThat(danish(Line.COPENHAGEN_LOCAL, Severity.MEDIUM, null, AgeBand.AGE_25_PLUS, Site.COPENHAGEN))
                .startsWith("Københavns lokale linje → Københavns Kommune").endsWith(" direkte, uden mellemled");
        assertThat(danish(Line.NATIONAL, Severity.MEDIUM, "999", AgeBand.AGE_25_PLUS, Site.COPENHAGEN))
                .startsWith("Kommunekoden \"999\" er ukendt → visiteres af hotlinens vagt i København (");
    }
}
