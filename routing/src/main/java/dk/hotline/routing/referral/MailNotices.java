package dk.hotline.routing.referral;

import io.smallrye.mutiny.Uni;

import java.time.Instant;

/**
 * The port through which a referral's changes tell an organisation's functional mailbox, inside the caller's
 * transaction. The notification feature implements it (and reads referrals back when it sends), so the
 * dependency runs one way: notification → referral.
 */
public interface MailNotices {

    /** "A referral arrived", as a row for the caller to persist with its change. */
    Object arrived(String referralId, String organisationId, Instant now);

    /** "A referral is overdue", as a row for the caller to persist with its change. */
    Object overdue(String referralId, String organisationId, Instant now);

    /**
     * Notes, once per referral and recipient, that a deadline falls between {@code now} and {@code near} and the
     * referral is neither acknowledged nor overdue (recipients with a mailbox only; at most {@code limit}).
     */
    Uni<Void> deadlinesNear(Instant now, Instant near, int limit);
}
