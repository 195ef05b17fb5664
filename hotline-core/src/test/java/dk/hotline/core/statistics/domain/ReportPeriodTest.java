package dk.hotline.core.statistics.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportPeriodTest {

    @Test
    void aYearRunsFromDanishNewYearToDanishNewYear() {
        ReportPeriod p = new ReportPeriod(2035, null);
        assertThat(p.from()).isEqualTo(Instant.parse("2034-12-31T23:00:00Z"));
        assertThat(p.until()).isEqualTo(Instant.parse("2035-12-31T23:00:00Z"));
    }

    @Test
    void aSummerMonthStartsAtTwentyTwoUtc() {
        ReportPeriod p = new ReportPeriod(2035, 7);
        assertThat(p.from()).isEqualTo(Instant.parse("2035-06-30T22:00:00Z"));
        assertThat(p.until()).isEqualTo(Instant.parse("2035-07-31T22:00:00Z"));
        assertThat(p.label()).isEqualTo("juli 2035");
    }

    @Test
    void theMonthOfTheSwitchToSummerTimeIsAnHourShort() {
        ReportPeriod p = new ReportPeriod(2035, 3);
        assertThat(java.time.Duration.between(p.from(), p.until()).toHours()).isEqualTo(31 * 24 - 1);
    }

    @Test
    void monthsOutsideOneToTwelveAreRefused() {
        assertThatThrownBy(() -> new ReportPeriod(2035, 13)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportPeriod(2015, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
