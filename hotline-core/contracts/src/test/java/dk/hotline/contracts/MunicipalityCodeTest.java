package dk.hotline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MunicipalityCodeTest {

    @Test
    void threeDigitsStayAsTheyAre() {
        assertThat(MunicipalityCode.normalise("461")).isEqualTo("461");
        assertThat(MunicipalityCode.isWellFormed("101")).isTrue();
    }

    @Test
    void theFourDigitFormWithItsLeadingZeroAndSpacesAreTaken() {
        assertThat(MunicipalityCode.normalise("0461")).isEqualTo("461");
        assertThat(MunicipalityCode.normalise(" 461 ")).isEqualTo("461");
        assertThat(MunicipalityCode.normalise(" 0101")).isEqualTo("101");
        assertThat(MunicipalityCode.isWellFormed("0461")).isTrue();
    }

    @Test
    void anythingElseIsNotACode() {
        for (String code : new String[] {"", "46", "00461", "1461", "abc", "46a", "4610"}) {
            assertThat(MunicipalityCode.isWellFormed(code)).as(code).isFalse();
        }
        assertThat(MunicipalityCode.isWellFormed(null)).isFalse();
        assertThat(MunicipalityCode.normalise(null)).isNull();
    }
}
