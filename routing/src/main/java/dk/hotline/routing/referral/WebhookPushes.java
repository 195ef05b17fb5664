package dk.hotline.routing.referral;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;

/**
 * The port through which a referral asks for its push to an organisation's webhook, inside the caller's
 * transaction. The webhook feature implements it (and reads referrals back when it pushes), so the dependency
 * runs one way: webhook → referral.
 */
public interface WebhookPushes {

    /** A new pending push, as a row for the caller to persist with the referral. */
    Object pending(String referralId, String organisationId, Instant now);

    /**
     * Makes the push of a forwarded referral pending again (its idempotency key is the referral and the
     * organisation), adding a new row to {@code rows} only when there was none.
     */
    Uni<Void> pushAgain(String referralId, String organisationId, Instant now, List<Object> rows);
}
