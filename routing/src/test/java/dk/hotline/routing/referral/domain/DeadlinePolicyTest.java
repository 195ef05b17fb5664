package dk.hotline.routing.referral.domain;

import dk.hotline.routing.recipient.domain.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinePolicyTest {

    private static DeadlinePolicy at(String instant) {
        return new DeadlinePolicy(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @ParameterizedTest
    @CsvSource({"HIGH,2026-11-23T08:10:00Z", "MEDIUM,2026-11-24T08:10:00Z", "LOW,2026-11-25T08:10:00Z",
            "ACUTE,2026-11-22T09:10:00Z"})
    void deadlineBySeverityWhenCoreGaveNone(Severity severity, String expected) {
        assertThat(at("2026-11-22T08:10:00Z").deadline(null, severity, Instant.parse("2026-11-22T08:10:00Z")))
                .isEqualTo(Instant.parse(expected));
    }

    @Test
    void deadlineFromCoreIsKept() {
        Instant given = Instant.parse("2026-11-23T07:00:00Z");
        assertThat(at("2026-11-22T08:10:00Z").deadline(given, Severity.LOW, Instant.parse("2026-11-22T08:10:00Z")))
                .isEqualTo(given);
    }

    @Test
    void twentyFourHoursAcrossTheDstChangeAreElapsedHours() {
        // 2026-10-25 03:00 CEST → 02:00 CET: 24 elapsed hours end at 07:00 local, not 08:00
        Instant created = Instant.parse("2026-10-24T06:00:00Z"); // 08:00 CEST
        assertThat(at("2026-10-24T06:00:00Z").deadline(null, Severity.HIGH, created))
                .isEqualTo(Instant.parse("2026-10-25T06:00:00Z"));
    }

    @Test
    void overdueOnlyAfterTheDeadlineAndWhileNotAcknowledged() {
        Instant deadline = Instant.parse("2026-11-23T08:10:00Z");
        assertThat(at("2026-11-23T08:10:00Z").overdue(deadline, Progress.DELIVERED)).isFalse();
        assertThat(at("2026-11-23T08:10:01Z").overdue(deadline, Progress.DELIVERED)).isTrue();
        assertThat(at("2026-11-23T08:10:01Z").overdue(deadline, Progress.ROUTED)).isTrue();
        assertThat(at("2026-11-23T08:10:01Z").overdue(deadline, Progress.ACKNOWLEDGED)).isFalse();
        assertThat(at("2026-11-23T08:10:01Z").overdue(deadline, Progress.REJECTED)).isFalse();
    }

    @Test
    void overdueReasonShowsTheDeadlineInCopenhagenTimeAndTheSite() {
        assertThat(at("2026-11-23T09:00:00Z").overdueReason(Instant.parse("2026-11-23T08:10:00Z"), "AARHUS"))
                .isEqualTo("Not acknowledged by its deadline 23 Nov 2026 09:10 (Europe/Copenhagen); escalated to the supervisors of the on-duty site AARHUS");
    }
}
