package dk.hotline.routing.webhook.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter for webhook attempts. After attempt {@code n} failed, the next one waits
 * {@code min(max, base * 2^(n-1))}, scaled by a random factor in [0.5, 1) ("equal jitter": never less than half,
 * so receivers get breathing room, and spread so that a recovering receiver is not hit by every retry at once).
 * After {@code maxAttempts} failed attempts the delivery is dead-lettered.
 */
public final class RetryPolicy {

    private final Duration base;
    private final Duration max;
    private final int maxAttempts;
    private final DoubleSupplier random;

    public RetryPolicy(Duration base, Duration max, int maxAttempts, DoubleSupplier random) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.base = base;
        this.max = max;
        this.maxAttempts = maxAttempts;
        this.random = random;
    }

    /** Delay after the {@code failedAttempts}-th failure (1-based). */
    public Duration delayAfter(int failedAttempts) {
        long exponent = Math.min(failedAttempts - 1, 30);
        long ceiling = Math.min(max.toMillis(), base.toMillis() * (1L << exponent));
        double factor = 0.5 + random.getAsDouble() * 0.5;
        return Duration.ofMillis(Math.max(1, (long) (ceiling * factor)));
    }

    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }

    /** When to try next, or empty-equivalent {@code null} handled by the caller via {@link #exhausted}. */
    public Instant nextAttempt(Instant now, int failedAttempts) {
        return now.plus(delayAfter(failedAttempts));
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
