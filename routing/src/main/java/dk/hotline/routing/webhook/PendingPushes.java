package dk.hotline.routing.webhook;

import dk.hotline.routing.referral.WebhookPushes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Writes the pushes a referral asks for as pending {@code webhook_delivery} rows; {@link WebhookDispatcher} sends them. */
@ApplicationScoped
public class PendingPushes implements WebhookPushes {

    @Override
    public Object pending(String referralId, String organisationId, Instant now) {
        WebhookDeliveryEntity w = new WebhookDeliveryEntity();
        w.referralId = referralId;
        w.organisationId = organisationId;
        w.idempotencyKey = key(referralId, organisationId);
        w.state = WebhookDeliveryEntity.PENDING;
        w.attempts = 0;
        w.nextAttemptAt = now;
        w.createdAt = now;
        return w;
    }

    @Override
    public Uni<Void> pushAgain(String referralId, String organisationId, Instant now, List<Object> rows) {
        return WebhookDeliveryEntity.<WebhookDeliveryEntity>find("idempotencyKey", key(referralId, organisationId))
                .firstResult().map(existing -> {
                    if (existing == null) {
                        rows.add(pending(referralId, organisationId, now));
                        return null;
                    }
                    existing.state = WebhookDeliveryEntity.PENDING;
                    existing.attempts = 0;
                    existing.nextAttemptAt = now;
                    existing.createdAt = now;
                    existing.deliveredAt = null;
                    existing.deadAt = null;
                    return null;
                });
    }

    private static String key(String referralId, String organisationId) {
        return referralId + ":" + organisationId;
    }
}
