package dk.hotline.routing.referral.domain;

import java.util.Locale;

/** The statuses routing publishes on {@code hotline.deliveries}, one CloudEvent type each. */
public enum ReferralStatus {
    ROUTED, DELIVERED, ACKNOWLEDGED, ACCEPTED, REJECTED, OVERDUE, ESCALATED;

    /** e.g. {@code dk.hotline.referral.delivered.v1} */
    public String eventType() {
        return "dk.hotline.referral." + name().toLowerCase(Locale.ROOT) + ".v1";
    }
}
