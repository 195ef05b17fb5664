package dk.hotline.routing.common;

import dk.hotline.routing.recipient.domain.RecipientDirectory;
import dk.hotline.routing.recipient.domain.RecipientResolver;
import dk.hotline.contracts.reference.ReferenceCatalog;
import dk.hotline.routing.referral.domain.DeadlinePolicy;
import dk.hotline.routing.referral.domain.ReferralLifecycle;
import dk.hotline.routing.webhook.domain.RetryPolicy;
import dk.hotline.routing.webhook.domain.WebhookSigner;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/** Wires the plain-Java domain into CDI; the domain itself knows nothing of Quarkus. */
public class DomainWiring {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    RecipientResolver resolver(ReferenceCatalog catalog) {
        return new RecipientResolver(catalog);
    }

    @Produces
    @Singleton
    RecipientDirectory directory(ReferenceCatalog catalog) {
        return new RecipientDirectory(catalog);
    }

    @Produces
    @Singleton
    DeadlinePolicy deadlinePolicy(Clock clock) {
        return new DeadlinePolicy(clock);
    }

    @Produces
    @Singleton
    ReferralLifecycle lifecycle() {
        return new ReferralLifecycle();
    }

    @Produces
    @Singleton
    WebhookSigner signer() {
        return new WebhookSigner();
    }

    @Produces
    @Singleton
    RetryPolicy retryPolicy(RoutingConfig config) {
        RoutingConfig.Webhook w = config.webhook();
        return new RetryPolicy(w.backoffBase(), w.backoffMax(), w.maxAttempts(),
                () -> ThreadLocalRandom.current().nextDouble());
    }
}
