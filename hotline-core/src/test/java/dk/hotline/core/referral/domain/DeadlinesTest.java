package dk.hotline.core.referral.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinesTest {

    static final Instant TUESDAY_10_CET = ZonedDateTime.parse("2026-11-24T10:00:00+01:00[Europe/Copenhagen]").toInstant();

    @Test
    void highMediumLowAreDueOneTwoThreeDaysLaterAtTheSameLocalTime() {
        assertThat(Deadlines.deadline(Severity.HIGH, TUESDAY_10_CET)).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(Deadlines.deadline(Severity.MEDIUM, TUESDAY_10_CET)).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(Deadlines.deadline(Severity.LOW, TUESDAY_10_CET)).isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
    }

    @Test
    void acuteIsDueAtOnce() {
        assertThat(Deadlines.deadline(Severity.ACUTE, TUESDAY_10_CET)).isEqualTo(TUESDAY_10_CET);
    }

    @Test
    void acrossTheSpringChangeTwentyFourHoursMeansTomorrowAtTheSameClockTime() {
        // 2027-03-28 02:00 CET → 03:00 CEST: the local day is 23 hours long.
        Instant saturday = ZonedDateTime.parse("2027-03-27T14:00:00+01:00[Europe/Copenhagen]").toInstant();
        Instant deadline = Deadlines.deadline(Severity.HIGH, saturday);
        assertThat(deadline.atZone(Deadlines.DANISH_TIME).toLocalDateTime().toString()).isEqualTo("2027-03-28T14:00");
        assertThat(Duration.between(saturday, deadline)).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void acrossTheAutumnChangeTheDayHasTwentyFiveHours() {
        Instant saturday = ZonedDateTime.parse("2026-10-24T14:00:00+02:00[Europe/Copenhagen]").toInstant();
        Instant deadline = Deadlines.deadline(Severity.HIGH, saturday);
        assertThat(deadline.atZone(Deadlines.DANISH_TIME).toLocalDateTime().toString()).isEqualTo("2026-10-25T14:00");
        assertThat(Duration.between(saturday, deadline)).isEqualTo(Duration.ofHours(25));
    }
}
