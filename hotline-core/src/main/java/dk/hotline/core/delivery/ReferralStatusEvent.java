package dk.hotline.core.delivery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * Payload of dk.hotline.referral.&lt;status&gt;.v1 on hotline.deliveries (routing's referral status, schema
 * referral-status.v1). {@code status} is kept as text: routing may add statuses (forwarded, outcome recorded...)
 * that core shows with a generic Danish text until it knows them. {@code outcome} is set on OUTCOME_RECORDED
 * (e.g. CONFIRMED_CASE_STARTED) and counted by the statistics.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralStatusEvent(String referralId, String status, String recipientId, String recipientName,
                                  String explanation, Instant occurredAt, Instant deadlineAt, String reason,
                                  String outcome) {
}
