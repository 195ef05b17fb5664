package dk.hotline.routing.referral;

import dk.hotline.routing.referral.domain.ReferralStatus;

import java.time.Instant;

/** Payload of {@code dk.hotline.referral.<status>.v1} (docs/events/referral-status.v1.schema.json). */
public record ReferralStatusV1(String referralId, ReferralStatus status, String recipientId, String recipientName,
                               String explanation, Instant occurredAt, Instant deadlineAt, String reason) {
}
