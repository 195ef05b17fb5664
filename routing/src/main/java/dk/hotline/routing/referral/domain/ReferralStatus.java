package dk.hotline.routing.referral.domain;

import java.util.Locale;

/** The statuses routing publishes on {@code hotline.deliveries}, one CloudEvent type each. */
public enum ReferralStatus {
    ROUTED, DELIVERED, ACKNOWLEDGED, ACCEPTED, REJECTED, OVERDUE, ESCALATED, FORWARDED, OUTCOME_RECORDED;

    /** e.g. {@code dk.hotline.referral.delivered.v1}, {@code dk.hotline.referral.outcome_recorded.v1} */
    public String eventType() {
        return "dk.hotline.referral." + name().toLowerCase(Locale.ROOT) + ".v1";
    }
}
