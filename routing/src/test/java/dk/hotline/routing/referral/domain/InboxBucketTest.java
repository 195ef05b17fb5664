package dk.hotline.routing.referral.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InboxBucketTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration SIX_HOURS = Duration.ofHours(6);

    private static InboxBucket owner(Progress p, Instant deadline) {
        return InboxBucket.of(false, true, p, deadline, NOW, SIX_HOURS);
    }

    @Test
    void notAcknowledgedIsNewThenDueSoonWithinTheWindowThenOverdueAfterTheDeadline() {
        assertThat(owner(Progress.DELIVERED, NOW.plus(Duration.ofHours(7)))).isEqualTo(InboxBucket.NEW);
        assertThat(owner(Progress.DELIVERED, NOW.plus(SIX_HOURS))).isEqualTo(InboxBucket.DUE_SOON);
        assertThat(owner(Progress.ROUTED, NOW)).isEqualTo(InboxBucket.DUE_SOON);
        assertThat(owner(Progress.DELIVERED, NOW.minusSeconds(1))).isEqualTo(InboxBucket.OVERDUE);
    }

    @Test
    void afterAcknowledgingTheDeadlineNoLongerDecides() {
        assertThat(owner(Progress.ACKNOWLEDGED, NOW.minusSeconds(60))).isEqualTo(InboxBucket.ACKNOWLEDGED);
        assertThat(owner(Progress.ACCEPTED, NOW.minusSeconds(60))).isEqualTo(InboxBucket.ACCEPTED);
        assertThat(owner(Progress.REJECTED, NOW)).isEqualTo(InboxBucket.CLOSED);
        assertThat(owner(Progress.CLOSED, NOW)).isEqualTo(InboxBucket.CLOSED);
        assertThat(InboxBucket.ACCEPTED.open()).isTrue();
        assertThat(InboxBucket.CLOSED.open()).isFalse();
    }

    @Test
    void aCopyIsNewUntilReadThenClosed() {
        assertThat(InboxBucket.of(true, false, Progress.ACCEPTED, NOW.minusSeconds(1), NOW, SIX_HOURS)).isEqualTo(InboxBucket.NEW);
        assertThat(InboxBucket.of(true, true, Progress.DELIVERED, NOW.plusSeconds(1), NOW, SIX_HOURS)).isEqualTo(InboxBucket.CLOSED);
    }
}
