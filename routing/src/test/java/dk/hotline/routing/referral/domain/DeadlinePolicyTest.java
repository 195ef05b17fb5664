package dk.hotline.routing.referral.domain;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinePolicyTest {

    private static DeadlinePolicy at(String instant) {
        return new DeadlinePolicy(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
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
