package dk.hotline.routing.recipient.domain;

import java.util.List;

/**
 * Who receives a referral and why. {@code recipient} owns it (acknowledges within the deadline);
 * {@code copies} are informed and can read it but not act on it. {@code reason} holds the why as facts.
 */
public record RoutingDecision(Organisation recipient, List<Organisation> copies, boolean acute, RoutingReason reason,
                              String referenceVersion) {
    public RoutingDecision {
        copies = List.copyOf(copies);
    }

    public RoutingRule rule() {
        return reason.rule();
    }

    /** The English sentence for the API, the status events and the audit. */
    public String explanation() {
        return reason.english();
    }
}
