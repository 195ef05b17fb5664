package dk.hotline.core.referral;

import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.ConcernCategory;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.advice.domain.Outcome;

import java.util.UUID;

/**
 * What a referral takes from the log it is made from. The contact feature hands it over, so referrals know nothing
 * of the contact entity (the dependency runs one way: contact → referral).
 */
public record ReferralSource(UUID contactId, boolean finalised, Outcome outcome, String municipalityCode, AgeBand ageBand,
                             ConcernCategory concernCategory, Line line, Site site) {
}
