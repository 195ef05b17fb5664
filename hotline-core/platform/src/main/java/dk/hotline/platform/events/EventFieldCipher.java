package dk.hotline.platform.events;

import dk.hotline.platform.crypto.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Seals the personal fields of an event (a referral's description and caller contact, a
 * recipient's reason) end to end: the producer seals them before the event is written to
 * its outbox, so they are never in clear in an outbox table, on a Kafka topic or in the
 * broker's segment files; the consumer opens them. The platform's {@link FieldCipher}
 * does the work with the event keys; each sealed value names its key id
 * ({@code <keyId>:<base64>}), so keys rotate like the database keys. Why sealing rather
 * than fetching: docs/decisions/personal-data-in-events.md.
 */
@ApplicationScoped
public class EventFieldCipher {

    private final FieldCipher cipher;

    public EventFieldCipher(EventKeys keys) {
        this.cipher = new FieldCipher(FieldCipher.parseKeys(keys.keys()), keys.current());
    }

    /** The sealed form of a personal field; null stays null. */
    public String seal(String plain) {
        return plain == null ? null : cipher.encrypt(plain);
    }

    /** The clear value of a sealed field; null stays null. A value that does not open is refused (exception). */
    public String open(String sealed) {
        return sealed == null ? null : cipher.decrypt(sealed);
    }
}
