package dk.hotline.core.referral.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.ConcernCategory;
import dk.hotline.core.referral.Referral;
import dk.hotline.core.referral.domain.LegalBasis;
import dk.hotline.contracts.vocabulary.Severity;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;

import dk.hotline.core.delivery.ReferralStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralView(UUID id, UUID contactId, Line line, Site site, Severity severity, boolean acute,
                           Instant createdAt, Instant deadlineAt, String municipalityCode, AgeBand ageBand,
                           ConcernCategory concernCategory, LegalBasis legalBasis, String description,
                           CallerContactView callerContact, String createdBy, List<StatusView> statuses) {

    public record CallerContactView(String name, String phone, String email) {
    }

    /**
     * What became of the referral, as routing reported it, oldest first: the status, the recipient then, its deadline
     * and, once recorded, the outcome code (e.g. CASE_STARTED). The recipients' free text is not in this list.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusView(String status, String recipientId, String recipientName, Instant occurredAt,
                             Instant deadlineAt, String outcome) {
        public static StatusView of(ReferralStatus s) {
            return new StatusView(s.status, s.recipientId, s.recipientName, s.occurredAt, s.deadlineAt, s.outcome);
        }
    }

    public static ReferralView of(Referral r) {
        return of(r, null);
    }

    public static ReferralView of(Referral r, List<ReferralStatus> history) {
        CallerContactView contact = r.callerName == null && r.callerPhone == null && r.callerEmail == null
                ? null : new CallerContactView(r.callerName, r.callerPhone, r.callerEmail);
        return new ReferralView(r.id, r.contactId, r.line, r.site, r.severity, r.acute, r.createdAt, r.deadlineAt,
                r.municipalityCode, r.ageBand, r.concernCategory, r.legalBasis, r.description, contact, r.createdBy,
                history == null ? null : history.stream().map(StatusView::of).toList());
    }
}
