package dk.hotline.platform.events;

/**
 * An event that can never be used (not JSON, a required field missing). A consumer nacks its record with this, so
 * the channel's dead-letter strategy puts it on the dead-letter topic with this message as its
 * {@code dead-letter-reason} header and the partition moves on. The message names fields and exception types only,
 * never content (personal data).
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String reason) {
        super(reason, null, false, false);
    }
}
