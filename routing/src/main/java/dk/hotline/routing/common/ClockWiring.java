package dk.hotline.routing.common;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one clock of the service; tests replace it. Each feature wires its own plain-Java domain beside it
 * ({@code RecipientWiring}, {@code ReferralWiring}, {@code WebhookWiring}), so this package depends on no feature.
 */
public class ClockWiring {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
