package dk.hotline.core.call.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CallProgressTest {

    static final Instant T = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void firstEventAlwaysApplies() {
        assertThat(CallProgress.movesStateOn(null, null, CallState.CONNECTED, T)).isTrue();
    }

    @Test
    void laterEventMovesOn() {
        assertThat(CallProgress.movesStateOn(CallState.QUEUED, T, CallState.CONNECTED, T.plusSeconds(3))).isTrue();
    }

    @Test
    void olderRedeliveryDoesNotMoveBack() {
        assertThat(CallProgress.movesStateOn(CallState.CONNECTED, T, CallState.QUEUED, T.minusSeconds(3))).isFalse();
    }

    @Test
    void endedCallIsNeverReopened() {
        assertThat(CallProgress.movesStateOn(CallState.ENDED, T, CallState.CONNECTED, T.plusSeconds(1))).isFalse();
    }

    @Test
    void sameInstantFollowsTheLifeCycleOrder() {
        assertThat(CallProgress.movesStateOn(CallState.QUEUED, T, CallState.CONNECTED, T)).isTrue();
        assertThat(CallProgress.movesStateOn(CallState.CONNECTED, T, CallState.QUEUED, T)).isFalse();
    }
}
