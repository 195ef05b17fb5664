package dk.hotline.core.contact;

import dk.hotline.core.advice.domain.AdviceLog;
import dk.hotline.core.advice.domain.AdviceTheme;
import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.CallerRole;
import dk.hotline.contracts.vocabulary.ConcernCategory;
import dk.hotline.core.advice.domain.Outcome;
import dk.hotline.core.contact.domain.Channel;
import dk.hotline.core.contact.domain.ContactStatus;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.support.OnVertx;
import io.quarkus.hibernate.reactive.panache.Panache;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Contacts written straight to the database, for tests that act as someone else. */
final class ContactFixtures {

    private ContactFixtures() {
    }

    static String aarhusFinalLog() {
        Contact c = draft();
        c.setLog(new AdviceLog(CallerRole.PRIVATE_CITIZEN, null, ConcernCategory.UNCLEAR, AgeBand.UNKNOWN, null,
                Set.of(AdviceTheme.OTHER), "A worried neighbour.", Outcome.ADVICE_ONLY));
        c.status = ContactStatus.FINAL;
        c.finalisedAt = Instant.now();
        c.finalisedBy = "anna";
        OnVertx.await(() -> Panache.withTransaction(c::persist));
        return c.id.toString();
    }

    static String aarhusDraft() {
        Contact c = draft();
        OnVertx.await(() -> Panache.withTransaction(c::persist));
        return c.id.toString();
    }

    private static Contact draft() {
        Contact c = new Contact();
        c.id = UUID.randomUUID();
        c.channel = Channel.EMAIL;
        c.line = Line.NATIONAL;
        c.site = Site.AARHUS;
        c.status = ContactStatus.DRAFT;
        c.createdAt = Instant.now();
        c.updatedAt = c.createdAt;
        return c;
    }
}
