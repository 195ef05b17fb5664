package dk.hotline.core.contact.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dk.hotline.core.advice.domain.AdviceTheme;
import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.CallerRole;
import dk.hotline.contracts.vocabulary.ConcernCategory;
import dk.hotline.core.advice.domain.Outcome;
import dk.hotline.core.advice.domain.Sector;
import dk.hotline.core.contact.Contact;
import dk.hotline.core.contact.ContactAmendment;
import dk.hotline.core.contact.domain.Channel;
import dk.hotline.core.contact.domain.ContactStatus;
import dk.hotline.core.referral.Referral;
import dk.hotline.core.referral.rest.ReferralView;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What the contacts API answers. */
public final class ContactViews {

    private ContactViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContactView(UUID id, String callId, Channel channel, Line line, Site site, String advisorEndpoint,
                              ContactStatus status, CallerRole callerRole, Sector callerSector,
                              ConcernCategory concernCategory, AgeBand ageBand, String municipalityCode,
                              Set<AdviceTheme> adviceThemes, String summary, Outcome outcome,
                              Instant createdAt, Instant updatedAt, String updatedBy, Instant finalisedAt, String finalisedBy,
                              long version, ReferralView referral, List<AmendmentView> amendments) {

        public static ContactView of(Contact c) {
            return of(c, null, null);
        }

        public static ContactView of(Contact c, Referral referral, List<ContactAmendment> amendments) {
            return new ContactView(c.id, c.callId, c.channel, c.line, c.site, c.advisorEndpoint, c.status,
                    c.callerRole, c.callerSector, c.concernCategory, c.ageBand, c.municipalityCode,
                    Set.copyOf(c.adviceThemes), c.summary, c.outcome, c.createdAt, c.updatedAt, c.updatedBy,
                    c.finalisedAt, c.finalisedBy, c.version,
                    referral == null ? null : ReferralView.of(referral),
                    amendments == null ? null : amendments.stream().map(AmendmentView::of).toList());
        }
    }

    /** One correction; {@code before} and {@code after} are the log's fields as JSON objects. */
    public record AmendmentView(UUID id, Instant amendedAt, String amendedBy, String reason,
                                @JsonRawValue String before, @JsonRawValue String after) {

        public static AmendmentView of(ContactAmendment a) {
            return new AmendmentView(a.id, a.amendedAt, a.amendedBy, a.reason, a.beforeJson, a.afterJson);
        }
    }
}
