package dk.hotline.routing.referral;

import java.time.Instant;

/** One line of an inbox list: enough to triage, no free text and no caller details. */
public record InboxItem(String referralId, String role, String severity, boolean acute, Instant createdAt,
                        Instant deadlineAt, boolean overdue, String progress, String municipalityCode, String explanation,
                        boolean read) {

    static InboxItem of(ReferralEntity r, InboxEntryEntity e) {
        return new InboxItem(r.referralId, InboxEntryEntity.PRIMARY.equals(e.role) ? ReferralView.RECIPIENT : ReferralView.COPY,
                r.severity, r.acute, r.createdAt, r.deadlineAt, r.overdueAt != null, r.progress, r.municipalityCode,
                r.explanation, e.firstReadAt != null);
    }
}
