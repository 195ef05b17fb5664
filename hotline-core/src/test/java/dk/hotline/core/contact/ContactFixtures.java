package dk.hotline.core.contact;

import dk.hotline.core.contact.domain.Channel;
import dk.hotline.core.contact.domain.ContactStatus;
import dk.hotline.core.rotation.domain.Line;
import dk.hotline.core.rotation.domain.Site;
import dk.hotline.core.support.OnVertx;
import io.quarkus.hibernate.reactive.panache.Panache;

import java.time.Instant;
import java.util.UUID;

/** Contacts written straight to the database, for tests that act as someone else. */
final class ContactFixtures {

    private ContactFixtures() {
    }

    static String aarhusDraft() {
        Contact c = new Contact();
        c.id = UUID.randomUUID();
        c.channel = Channel.EMAIL;
        c.line = Line.NATIONAL;
        c.site = Site.AARHUS;
        c.status = ContactStatus.DRAFT;
        c.createdAt = Instant.now();
        c.updatedAt = c.createdAt;
        OnVertx.await(() -> Panache.withTransaction(c::persist));
        return c.id.toString();
    }
}
