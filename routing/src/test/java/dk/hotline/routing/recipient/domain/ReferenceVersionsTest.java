package dk.hotline.routing.recipient.domain;

import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.contracts.reference.InvalidReferenceDataException;
import dk.hotline.contracts.reference.Infohus;
import dk.hotline.contracts.reference.ReferenceDataParser;
import dk.hotline.contracts.reference.ReferenceCatalog;

import dk.hotline.contracts.vocabulary.Severity;

import dk.hotline.contracts.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceVersionsTest {

    private static ReferenceCatalog withMerger() throws URISyntaxException {
        return ReferenceData.fromDirectory(
                Path.of(ReferenceVersionsTest.class.getClassLoader().getResource("reference-with-merger").toURI()));
    }

    private static RoutingRequest at(String code, Instant createdAt) {
        return new RoutingRequest(Line.NATIONAL, Severity.HIGH, code, AgeBand.AGE_15_17, Site.AARHUS, createdAt);
    }

    @Test
    void shippedDataIsOneVersionValidFromThe2007Reform() {
        ReferenceCatalog catalog = ReferenceData.shipped();
        assertThat(catalog.versions()).singleElement().satisfies(v -> {
            assertThat(v.version()).isEqualTo("2007-01-01");
            assertThat(v.validFrom()).isEqualTo(Instant.parse("2006-12-31T23:00:00Z"));
            assertThat(v.municipalities()).hasSize(98);
            assertThat(v.districts()).hasSize(12);
        });
    }

    @Test
    void aFutureMergerLoadedBesideTheCurrentDataAppliesFromItsValidFrom() throws URISyntaxException {
        RecipientResolver resolver = new RecipientResolver(withMerger());
        Instant before = Instant.parse("2029-12-31T22:59:59Z");
        Instant after = Instant.parse("2029-12-31T23:00:00Z"); // midnight in Copenhagen

        assertThat(resolver.resolve(at("492", before)).recipient().id()).isEqualTo("ssp-492");
        assertThat(resolver.resolve(at("492", before)).referenceVersion()).isEqualTo("2007-01-01");
        assertThat(resolver.resolve(at("492", after)).recipient().id()).isEqualTo("triage-aarhus");
        assertThat(resolver.resolve(at("479", after)).recipient().name()).isEqualTo("SSP Sydfyn");
        assertThat(resolver.resolve(at("479", after)).referenceVersion()).isEqualTo("2030-01-01-test");
        assertThat(resolver.resolve(at("411", after)).copies()).extracting(Organisation::id).containsExactly("infohus-koebenhavn");
    }

    @Test
    void directoryKeepsOrganisationsOfOlderVersions() throws URISyntaxException {
        RecipientDirectory directory = new RecipientDirectory(withMerger());
        assertThat(directory.find("ssp-492")).isPresent();
        assertThat(directory.find("ssp-479").orElseThrow().name()).isEqualTo("SSP Sydfyn");
    }

    @Test
    void inconsistentDataIsRefused() {
        ReferenceDataParser parser = new ReferenceDataParser();
        assertThatThrownBy(() -> parser.parse("bad", Instant.EPOCH,
                new StringReader("code,name,region,police_district\n461,Odense,Region Syddanmark,nowhere\n"),
                new StringReader("id,name\nfyn,Fyns Politi\n"), null,
                new StringReader("police_district,name\nfyn,Infohus Fyn\n")))
                .isInstanceOf(InvalidReferenceDataException.class).hasMessageContaining("unknown police district nowhere");
        assertThatThrownBy(() -> parser.parse("bad", Instant.EPOCH,
                new StringReader("code,name,region,police_district\n461,Odense,Region Syddanmark,fyn\n"),
                new StringReader("id,name\nfyn,Fyns Politi\n"), null,
                new StringReader("police_district,name\n")))
                .isInstanceOf(InvalidReferenceDataException.class).hasMessageContaining("has no infohus");
        assertThatThrownBy(() -> parser.parse("bad", Instant.EPOCH,
                new StringReader("kode,navn\n"), new StringReader("id,name\n"), null, new StringReader("police_district,name\n")))
                .isInstanceOf(InvalidReferenceDataException.class).hasMessageContaining("header");
    }
}
