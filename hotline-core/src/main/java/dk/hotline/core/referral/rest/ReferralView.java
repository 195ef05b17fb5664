package dk.hotline.core.referral.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.ConcernCategory;
import dk.hotline.core.referral.Referral;
import dk.hotline.core.referral.domain.LegalBasis;
import dk.hotline.contracts.vocabulary.Severity;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;

import java.time.Instant;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralView(UUID id, UUID contactId, Line line, Site site, Severity severity, boolean acute,
                           Instant createdAt, Instant deadlineAt, String municipalityCode, AgeBand ageBand,
                           ConcernCategory concernCategory, LegalBasis legalBasis, String description,
                           CallerContactView callerContact, String createdBy) {

    public record CallerContactView(String name, String phone, String email) {
    }

    public static ReferralView of(Referral r) {
        CallerContactView contact = r.callerName == null && r.callerPhone == null && r.callerEmail == null
                ? null : new CallerContactView(r.callerName, r.callerPhone, r.callerEmail);
        return new ReferralView(r.id, r.contactId, r.line, r.site, r.severity, r.acute, r.createdAt, r.deadlineAt,
                r.municipalityCode, r.ageBand, r.concernCategory, r.legalBasis, r.description, contact, r.createdBy);
    }
}
