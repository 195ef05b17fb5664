package dk.hotline.routing.recipient.domain;

import java.util.List;

/**
 * Who receives a referral and why. {@code recipient} owns it (acknowledges within the deadline);
 * {@code copies} are informed and can read it but not act on it.
 */
public record RoutingDecision(Organisation recipient, List<Organisation> copies, boolean acute, RoutingRule rule,
                              String explanation, String referenceVersion) {
    public RoutingDecision {
        copies = List.copyOf(copies);
    }
}
