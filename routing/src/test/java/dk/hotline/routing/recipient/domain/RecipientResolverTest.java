package dk.hotline.routing.recipient.domain;

import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.contracts.reference.Infohus;
import dk.hotline.contracts.reference.Municipality;

import dk.hotline.contracts.vocabulary.Severity;

import dk.hotline.contracts.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientResolverTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:10:00Z");

    /** The expected district of each municipality, written by hand from the districts' member lists (politi.dk). */
    private static final Map<String, List<String>> MEMBERS = Map.ofEntries(
            Map.entry("infohus-nordjylland", List.of("810", "813", "820", "825", "840", "846", "849", "851", "860")),
            Map.entry("infohus-oestjylland", List.of("706", "707", "710", "727", "730", "741", "751")),
            Map.entry("infohus-midt-vestjylland", List.of("657", "661", "665", "671", "740", "756", "760", "773", "779", "787", "791")),
            Map.entry("infohus-sydoestjylland", List.of("530", "607", "615", "621", "630", "746", "766")),
            Map.entry("infohus-syd-soenderjylland", List.of("510", "540", "550", "561", "563", "573", "575", "580")),
            Map.entry("infohus-fyn", List.of("410", "420", "430", "440", "450", "461", "479", "480", "482", "492")),
            Map.entry("infohus-sydsjaelland-lolland-falster", List.of("320", "330", "340", "360", "370", "376", "390")),
            Map.entry("infohus-midt-vestsjaelland", List.of("253", "259", "265", "269", "306", "316", "326", "329", "336", "350")),
            Map.entry("infohus-nordsjaelland", List.of("157", "173", "190", "201", "210", "217", "219", "223", "230", "240", "250", "260", "270")),
            Map.entry("infohus-koebenhavns-vestegn", List.of("151", "153", "159", "161", "163", "165", "167", "169", "175", "183", "187")),
            Map.entry("infohus-koebenhavn", List.of("101", "147", "155", "185")),
            Map.entry("infohus-bornholm", List.of("400")));

    private static final Map<String, String> EXPECTED_INFOHUS = new HashMap<>();

    static {
        MEMBERS.forEach((infohus, codes) -> codes.forEach(code -> EXPECTED_INFOHUS.put(code, infohus)));
    }

    private final RecipientResolver resolver = new RecipientResolver(ReferenceData.shipped());

    /** Every row of the shipped municipalities.csv: code and name. */
    static Stream<Arguments> municipalities() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                RecipientResolverTest.class.getClassLoader().getResourceAsStream("dk/hotline/contracts/reference/2007-01-01/municipalities.csv"),
                StandardCharsets.UTF_8))) {
            return in.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(","))
                    .map(c -> Arguments.of(c[0], c[1])).toList().stream();
        }
    }

    private static RoutingRequest national(String code, AgeBand age) {
        return new RoutingRequest(Line.NATIONAL, Severity.HIGH, code, age, Site.AARHUS, NOW);
    }

    @Test
    void handWrittenTableCoversExactlyThe98ShippedMunicipalities() throws IOException {
        assertThat(EXPECTED_INFOHUS).hasSize(98);
        assertThat(municipalities().map(a -> (String) a.get()[0]).toList())
                .hasSize(98).containsExactlyInAnyOrderElementsOf(EXPECTED_INFOHUS.keySet());
    }

    @ParameterizedTest(name = "{1} ({0}), adult → its district's infohus")
    @MethodSource("municipalities")
    void adultGoesToTheInfohusOfTheMunicipalitysPoliceDistrict(String code, String name) {
        RoutingDecision d = resolver.resolve(national(code, AgeBand.AGE_25_PLUS));

        assertThat(d.recipient().id()).isEqualTo(EXPECTED_INFOHUS.get(code));
        assertThat(d.recipient().kind()).isEqualTo(OrganisationKind.INFOHUS);
        assertThat(d.copies()).isEmpty();
        assertThat(d.acute()).isFalse();
        assertThat(d.rule()).isEqualTo(RoutingRule.INFOHUS);
        assertThat(d.explanation()).startsWith(name + " (" + code + ") belongs to ").endsWith("→ " + d.recipient().name());
    }

    @ParameterizedTest(name = "{1} ({0}), under 15 → SSP {0}, infohus copied")
    @MethodSource("municipalities")
    void under15GoesToTheMunicipalitysSspWithTheInfohusCopied(String code, String name) {
        assertMinorRouting(code, name, AgeBand.UNDER_15);
    }

    @ParameterizedTest(name = "{1} ({0}), 15-17 → SSP {0}, infohus copied")
    @MethodSource("municipalities")
    void age15To17GoesToTheMunicipalitysSspWithTheInfohusCopied(String code, String name) {
        assertMinorRouting(code, name, AgeBand.AGE_15_17);
    }

    private void assertMinorRouting(String code, String name, AgeBand age) {
        RoutingDecision d = resolver.resolve(national(code, age));

        assertThat(d.recipient().id()).isEqualTo("ssp-" + code);
        assertThat(d.recipient().name()).isEqualTo("SSP " + name);
        assertThat(d.recipient().kind()).isEqualTo(OrganisationKind.SSP_NETWORK);
        assertThat(d.copies()).extracting(Organisation::id).containsExactly(EXPECTED_INFOHUS.get(code));
        assertThat(d.rule()).isEqualTo(RoutingRule.MINOR_SSP);
        assertThat(d.explanation()).startsWith("Subject under 18: " + name + " (" + code + ") → SSP " + name);
    }

    @Test
    void explanationNamesMunicipalityDistrictAndInfohus() {
        assertThat(resolver.resolve(national("461", AgeBand.AGE_18_24)).explanation())
                .isEqualTo("Odense (461) belongs to Fyns Politi → Infohus Fyn");
        assertThat(resolver.resolve(national("461", AgeBand.AGE_15_17)).explanation())
                .isEqualTo("Subject under 18: Odense (461) → SSP Odense; Infohus Fyn gets a copy (Odense (461) belongs to Fyns Politi)");
    }

    @Test
    void christiansoeIsServedByBornholmExplicitly() {
        RoutingDecision adult = resolver.resolve(national("411", AgeBand.AGE_25_PLUS));
        assertThat(adult.recipient().id()).isEqualTo("infohus-bornholm");
        assertThat(adult.rule()).isEqualTo(RoutingRule.INFOHUS);
        assertThat(adult.explanation()).isEqualTo(
                "Christiansø (411) is not a municipality (run by the state; lies by Bornholm): served by Bornholms Politi → Infohus Bornholm");

        RoutingDecision child = resolver.resolve(national("411", AgeBand.UNDER_15));
        assertThat(child.recipient().id()).isEqualTo("ssp-400");
        assertThat(child.copies()).extracting(Organisation::id).containsExactly("infohus-bornholm");
        assertThat(child.explanation()).contains("Christiansø (411)").contains("Bornholm's");
    }

    @Test
    void copenhagenLocalLineGoesStraightToTheCoordinationUnitWhateverTheAge() {
        for (AgeBand age : AgeBand.values()) {
            RoutingDecision d = resolver.resolve(new RoutingRequest(Line.COPENHAGEN_LOCAL, Severity.MEDIUM, null, age,
                    Site.COPENHAGEN, NOW));
            assertThat(d.recipient().id()).isEqualTo("kbh-koordination");
            assertThat(d.copies()).isEmpty();
            assertThat(d.rule()).isEqualTo(RoutingRule.COPENHAGEN_LOCAL_LINE);
            assertThat(d.explanation()).startsWith("Copenhagen's local line → ");
        }
    }

    @Test
    void acuteGoesToThePoliceDistrictDirectlyAndIsFlagged() {
        RoutingDecision d = resolver.resolve(new RoutingRequest(Line.NATIONAL, Severity.ACUTE, "461", AgeBand.UNDER_15,
                Site.AARHUS, NOW));
        assertThat(d.recipient().id()).isEqualTo("politi-fyn");
        assertThat(d.recipient().kind()).isEqualTo(OrganisationKind.POLICE_DISTRICT);
        assertThat(d.acute()).isTrue();
        assertThat(d.rule()).isEqualTo(RoutingRule.ACUTE_POLICE);
        assertThat(d.explanation()).isEqualTo("ACUTE: Odense (461) belongs to Fyns Politi → Fyns Politi directly (acute danger is a police matter)");
    }

    @Test
    void acuteOnCopenhagensLocalLineGoesToCopenhagensPolice() {
        RoutingDecision d = resolver.resolve(new RoutingRequest(Line.COPENHAGEN_LOCAL, Severity.ACUTE, null,
                AgeBand.AGE_25_PLUS, Site.COPENHAGEN, NOW));
        assertThat(d.recipient().id()).isEqualTo("politi-koebenhavn");
        assertThat(d.acute()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Site.class)
    void acuteWithoutMunicipalityGoesToThePoliceOfTheOnDutySite(Site site) {
        RoutingDecision d = resolver.resolve(new RoutingRequest(Line.NATIONAL, Severity.ACUTE, null, AgeBand.UNKNOWN, site, NOW));
        assertThat(d.recipient().id()).isEqualTo(site == Site.AARHUS ? "politi-oestjylland" : "politi-koebenhavn");
        assertThat(d.acute()).isTrue();
        assertThat(d.explanation()).contains("No municipality given").contains(site.displayName());
    }

    @ParameterizedTest
    @EnumSource(Site.class)
    void missingMunicipalityOnTheNationalLineGoesToTriageByTheOnDutySite(Site site) {
        RoutingDecision d = resolver.resolve(new RoutingRequest(Line.NATIONAL, Severity.LOW, null, AgeBand.UNDER_15, site, NOW));
        assertThat(d.recipient().id()).isEqualTo("triage-" + site.name().toLowerCase(java.util.Locale.ROOT));
        assertThat(d.rule()).isEqualTo(RoutingRule.TRIAGE_UNKNOWN_MUNICIPALITY);
        assertThat(d.explanation()).startsWith("No municipality given → triage by the on-duty site " + site.displayName());
    }

    @Test
    void unknownMunicipalityCodeGoesToTriage() {
        for (String code : List.of("999", "", "abc", "0")) {
            RoutingDecision d = resolver.resolve(national(code, AgeBand.AGE_25_PLUS));
            assertThat(d.recipient().id()).isEqualTo("triage-aarhus");
        }
        assertThat(resolver.resolve(national("999", AgeBand.AGE_25_PLUS)).explanation())
                .isEqualTo("Municipality \"999\" is unknown → triage by the on-duty site Aarhus (Hotline triage, Aarhus site)");
    }

    @Test
    void leadingZeroIsToleratedInTheCode() {
        assertThat(resolver.resolve(national("0461", AgeBand.AGE_25_PLUS)).recipient().id()).isEqualTo("infohus-fyn");
    }

    @Test
    void unknownAgeIsTreatedAsAnAdult() {
        assertThat(resolver.resolve(national("751", AgeBand.UNKNOWN)).recipient().id()).isEqualTo("infohus-oestjylland");
        assertThat(resolver.resolve(national("751", null)).recipient().id()).isEqualTo("infohus-oestjylland");
    }

    @Test
    void directoryHolds12Infohuse98SspNetworksThePoliceAndCopenhagensUnit() {
        RecipientDirectory directory = new RecipientDirectory(ReferenceData.shipped());
        Map<OrganisationKind, Long> byKind = new HashMap<>();
        directory.all().forEach(o -> byKind.merge(o.kind(), 1L, Long::sum));
        assertThat(byKind).containsEntry(OrganisationKind.INFOHUS, 12L).containsEntry(OrganisationKind.SSP_NETWORK, 98L)
                .containsEntry(OrganisationKind.POLICE_DISTRICT, 12L).containsEntry(OrganisationKind.COORDINATION_UNIT, 1L)
                .containsEntry(OrganisationKind.TRIAGE, 2L);
        assertThat(Set.copyOf(MEMBERS.keySet())).allSatisfy(id -> assertThat(directory.find(id)).isPresent());
        assertThat(directory.find("infohus-fyn").orElseThrow().name()).isEqualTo("Infohus Fyn");
        assertThat(directory.find("ssp-461").orElseThrow().name()).isEqualTo("SSP Odense");
    }
}
