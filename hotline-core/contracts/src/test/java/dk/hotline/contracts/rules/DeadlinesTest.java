package dk.hotline.contracts.rules;

import dk.hotline.contracts.vocabulary.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinesTest {

    static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    static final Instant CREATED = Instant.parse("2026-11-22T08:10:00Z");

    @ParameterizedTest
    @CsvSource({"HIGH,2026-11-23T08:10:00Z", "MEDIUM,2026-11-24T08:10:00Z", "LOW,2026-11-25T08:10:00Z"})
    void highMediumLowAreDueTwentyFourFortyEightSeventyTwoElapsedHoursLater(Severity severity, String expected) {
        assertThat(Deadlines.due(severity, CREATED)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void acuteIsDueAtOnceBecauseItIsNeverQueued() {
        assertThat(Deadlines.allowance(Severity.ACUTE)).isEqualTo(Duration.ZERO);
        assertThat(Deadlines.due(Severity.ACUTE, CREATED)).isEqualTo(CREATED);
    }

    @Test
    void acrossTheAutumnChangeTwentyFourHoursEndOneWallClockHourEarlier() {
        // 2026-10-25 03:00 CEST → 02:00 CET: the local day has 25 hours, the deadline stays 24 real hours away.
        Instant saturday = ZonedDateTime.parse("2026-10-24T14:00:00+02:00[Europe/Copenhagen]").toInstant();
        Instant due = Deadlines.due(Severity.HIGH, saturday);
        assertThat(Duration.between(saturday, due)).isEqualTo(Duration.ofHours(24));
        assertThat(due.atZone(DANISH_TIME).toLocalDateTime().toString()).isEqualTo("2026-10-25T13:00");
    }

    @Test
    void acrossTheSpringChangeTwentyFourHoursEndOneWallClockHourLater() {
        // 2027-03-28 02:00 CET → 03:00 CEST: the local day has 23 hours.
        Instant saturday = ZonedDateTime.parse("2027-03-27T14:00:00+01:00[Europe/Copenhagen]").toInstant();
        Instant due = Deadlines.due(Severity.HIGH, saturday);
        assertThat(Duration.between(saturday, due)).isEqualTo(Duration.ofHours(24));
        assertThat(due.atZone(DANISH_TIME).toLocalDateTime().toString()).isEqualTo("2027-03-28T15:00");
    }
}
