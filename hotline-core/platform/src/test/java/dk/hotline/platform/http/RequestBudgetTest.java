package dk.hotline.platform.http;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBudgetTest {

    private static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-11-22T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void allowsABurstThenAsksTheClientToWait() {
        StepClock clock = new StepClock();
        RequestBudget budget = new RequestBudget(3, 1, 100, clock);
        assertThat(budget.take("10.0.0.1")).isZero();
        assertThat(budget.take("10.0.0.1")).isZero();
        assertThat(budget.take("10.0.0.1")).isZero();
        assertThat(budget.take("10.0.0.1")).isEqualTo(1);
    }

    @Test
    void refillsOverTimeAndKeepsClientsApart() {
        StepClock clock = new StepClock();
        RequestBudget budget = new RequestBudget(1, 2, 100, clock);
        assertThat(budget.take("a")).isZero();
        assertThat(budget.take("a")).isPositive();
        assertThat(budget.take("b")).isZero();
        clock.now = clock.now.plus(Duration.ofMillis(500));
        assertThat(budget.take("a")).isZero();
    }

    @Test
    void forgetsTheLeastRecentClientWhenFull() {
        StepClock clock = new StepClock();
        RequestBudget budget = new RequestBudget(1, 0.001, 2, clock);
        budget.take("a");
        budget.take("b");
        budget.take("c"); // "a" is dropped and starts over with a full bucket
        assertThat(budget.take("a")).isZero();
    }
}
