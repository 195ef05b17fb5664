package dk.hotline.routing.webhook;

import dk.hotline.routing.common.RoutingConfig;
import dk.hotline.routing.webhook.domain.RetryPolicy;
import dk.hotline.routing.webhook.domain.WebhookSigner;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.concurrent.ThreadLocalRandom;

/** Wires the webhook rules (plain Java) into CDI. */
public class WebhookWiring {

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
