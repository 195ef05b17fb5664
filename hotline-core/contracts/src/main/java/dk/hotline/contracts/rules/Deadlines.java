package dk.hotline.contracts.rules;

import dk.hotline.contracts.vocabulary.Severity;

import java.time.Duration;
import java.time.Instant;

/**
 * The one deadline rule (docs/decisions/deadlines.md): a referral must be acted on within a number of
 * <em>elapsed</em> hours of its creation — HIGH 24, MEDIUM 48, LOW 72 — whatever the wall clock does across a
 * daylight-saving change. ACUTE is due at once (0 hours): acute danger goes to the police by phone and 112, never
 * into a queue, so a written ACUTE referral not acknowledged at once is escalated at the next sweep.
 * <p>
 * Computed once, by hotline-core when the referral is made, and carried as {@code deadlineAt} on
 * {@code dk.hotline.referral.created.v1}; routing keeps that instant and never recomputes it.
 */
public final class Deadlines {

    private Deadlines() {
    }

    /** How long a recipient has to act on a referral of this severity. */
    public static Duration allowance(Severity severity) {
        return switch (severity) {
            case ACUTE -> Duration.ZERO;
            case HIGH -> Duration.ofHours(24);
            case MEDIUM -> Duration.ofHours(48);
            case LOW -> Duration.ofHours(72);
        };
    }

    /** The instant by which a referral created at {@code createdAt} must be acted on. */
    public static Instant due(Severity severity, Instant createdAt) {
        return createdAt.plus(allowance(severity));
    }
}
