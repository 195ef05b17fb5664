package dk.hotline.routing.referral;

import dk.hotline.routing.referral.domain.ReferralStatus;

import java.time.Instant;

/**
 * Payload of {@code dk.hotline.referral.<status>.v1} (contracts: referral-status.v1.schema.json). {@code outcome} is
 * set on OUTCOME_RECORDED (a code, no free text), {@code forwardedFrom} on FORWARDED (the organisation that passed it
 * on; {@code recipientId} is then the new recipient and {@code deadlineAt} its own deadline).
 */
public record ReferralStatusV1(String referralId, ReferralStatus status, String recipientId, String recipientName,
                               String explanation, Instant occurredAt, Instant deadlineAt, String reason,
                               String outcome, String forwardedFrom) {
}
