package dk.hotline.platform.events;

import dk.hotline.platform.crypto.FieldCipher;
import dk.hotline.platform.crypto.SealedColumn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Seals the personal fields of an event (a referral's description and caller contact, a
 * recipient's reason) end to end: the producer seals them before the event is written to
 * its outbox, so they are never in clear in an outbox table, on a Kafka topic or in the
 * broker's segment files; the consumer opens them. The platform's {@link FieldCipher}
 * (Tink AEAD) does the work with the event keys; the associated data is the event, the
 * field and the record key (the referral id), so a sealed value does not open in another
 * event, field or referral. Each value names its key id, so keys rotate like the database
 * keys. Why sealing rather than fetching: docs/decisions/personal-data-in-events.md.
 */
@ApplicationScoped
public class EventFieldCipher {

    private final FieldCipher cipher;

    @Inject
    public EventFieldCipher(EventKeys keys) {
        this(new FieldCipher(FieldCipher.parseKeys(keys.keys()), keys.current()));
    }

    /** With keys given directly (a test playing the other service). */
    public EventFieldCipher(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * The sealed form of a personal field; null stays null.
     *
     * @param event the event's place, e.g. {@code referral_created} (SQL-identifier characters)
     * @param field the field, e.g. {@code description}
     * @param key   the event's record key (the referral id)
     */
    public String seal(String event, String field, String key, String plain) {
        return plain == null ? null : cipher.seal(place(event, field), key, plain);
    }

    /** The clear value of a sealed field; null stays null. A value that does not open here is refused (exception). */
    public String open(String event, String field, String key, String sealed) {
        return sealed == null ? null : cipher.open(place(event, field), key, sealed);
    }

    private static SealedColumn place(String event, String field) {
        return new SealedColumn(event, "record_key", field);
    }
}
