package dk.hotline.routing.referral;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dk.hotline.routing.recipient.domain.RoutingReason;

import java.time.Instant;

/**
 * A referral as its recipient sees it (inbox read and webhook body). A COPY (informed, not owner) carries no caller
 * contact: only the owner needs to reach the caller, nor who forwarded it and why, nor the outcome's note.
 * {@code routingReason} (the facts behind {@code explanation}, for the pages' Danish wording) is not sent: the API
 * and webhook carry the English sentence only.
 */
public record ReferralView(String referralId, String role, String recipientId, String recipientName,
                           String explanation, boolean acute, String severity, String line, String handledBySite,
                           Instant createdAt, Instant deadlineAt, boolean overdue, String progress,
                           Instant acknowledgedAt, Instant decidedAt, String decisionReason, String municipalityCode,
                           String ageBand, String concernCategory, String legalBasis, String description,
                           ReferralCreatedV1.CallerContact callerContact, String forwardedFrom, Instant forwardedAt,
                           String forwardReason, String outcome, String outcomeNote,
                           @JsonIgnore RoutingReason routingReason) {

    public static final String RECIPIENT = "RECIPIENT";
    public static final String COPY = "COPY";

    public static ReferralView of(ReferralEntity r, boolean primary) {
        ReferralCreatedV1.CallerContact contact = primary && (r.callerName != null || r.callerPhone != null || r.callerEmail != null)
                ? new ReferralCreatedV1.CallerContact(r.callerName, r.callerPhone, r.callerEmail) : null;
        return new ReferralView(r.referralId, primary ? RECIPIENT : COPY, r.recipientId, r.recipientName, r.explanation,
                r.acute, r.severity, r.line, r.handledBySite, r.createdAt, r.deadlineAt, r.overdueAt != null, r.progress,
                r.acknowledgedAt, r.decidedAt, r.decisionReason, r.municipalityCode, r.ageBand, r.concernCategory,
                r.legalBasis, r.description, contact, primary ? r.forwardedFrom : null, primary ? r.forwardedAt : null,
                primary ? r.forwardReason : null, r.outcome, primary ? r.outcomeNote : null,
                RoutingReasonColumn.read(r.routingReason).orElse(null));
    }
}
