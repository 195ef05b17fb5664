package dk.hotline.routing.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Typed configuration of the routing service (application.properties, prefix {@code routing}). */
@ConfigMapping(prefix = "routing")
public interface RoutingConfig {

    Reference reference();

    Webhook webhook();

    Events events();

    interface Reference {
        /** A directory with version folders that replaces the classpath copy of the reference data. */
        Optional<String> directory();
    }

    interface Webhook {
        @WithDefault("8")
        int maxAttempts();

        @WithDefault("PT2S")
        Duration backoffBase();

        @WithDefault("PT10M")
        Duration backoffMax();

        @WithDefault("PT10S")
        Duration timeout();

        /** How long a claimed attempt is reserved before another instance may take it over (crash safety). */
        @WithDefault("PT60S")
        Duration lease();

        @WithDefault("20")
        int batchSize();
    }

    interface Events {
        @WithDefault("/hotline/routing")
        String source();

        @WithDefault("100")
        int outboxBatchSize();
    }
}
