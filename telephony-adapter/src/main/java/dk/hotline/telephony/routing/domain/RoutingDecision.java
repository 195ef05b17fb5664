package dk.hotline.telephony.routing.domain;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one call goes. {@code degraded} is true when the decision came from the fail-safe rather than a fresh
 * schedule; {@code nextOpening} is known for CLOSED when the schedule says when the line opens again.
 */
public record RoutingDecision(Line line, RouteAction action, Site site, boolean degraded,
                              OverflowReason overflowReason, Instant nextOpening) {

    public RoutingDecision {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(site, "site");
        if ((action == RouteAction.OVERFLOW) != (overflowReason != null)) {
            throw new IllegalArgumentException("an overflow reason goes with OVERFLOW and only with it");
        }
    }

    public String queue() {
        return site.queue();
    }

    public Optional<Instant> nextOpeningTime() {
        return Optional.ofNullable(nextOpening);
    }

    public Optional<OverflowReason> overflow() {
        return Optional.ofNullable(overflowReason);
    }
}
