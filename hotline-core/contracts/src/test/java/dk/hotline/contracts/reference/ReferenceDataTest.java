package dk.hotline.contracts.reference;

import dk.hotline.contracts.MunicipalityCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceDataTest {

    private final ReferenceDataSet today = ReferenceData.shipped().at(Instant.parse("2026-12-07T10:00:00Z"));

    @Test
    void theShippedDataHasNinetyEightMunicipalitiesTwelveDistrictsAndChristiansoe() {
        assertThat(today.municipalities()).hasSize(98);
        assertThat(today.districts()).hasSize(12);
        assertThat(today.knows("411")).isTrue();
        assertThat(today.placeName("411")).contains("Christiansø");
        assertThat(today.region("411")).contains("Region Hovedstaden"); // served by Bornholm's SSP network
        assertThat(today.knows("999")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"461,461", "0461,461", "' 461 ',461", "0101,101", "411,411"})
    void aLeadingZeroAndBlanksAreReadAsTheSameCode(String raw, String code) {
        assertThat(MunicipalityCode.normalise(raw)).isEqualTo(code);
        assertThat(today.knows(raw)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"46", "00461", "4610", "abc", "46 1"})
    void whatIsNotShapedLikeACodeIsNoCode(String raw) {
        assertThat(MunicipalityCode.isWellFormed(raw)).isFalse();
        assertThat(today.knows(raw)).isFalse();
    }
}
