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

    Db db();

    Outbox outbox();

    Deadline deadline();

    Mail mail();

    interface Mail {
        /** The address the notifications come from. */
        @WithDefault("hotline-noreply@localhost")
        String from();

        /** Where the inbox pages are reached from the recipients' browsers; the link in each e-mail starts here. */
        @WithDefault("http://localhost:8082")
        String publicUrl();

        /** How often pending e-mails are looked for. */
        @WithDefault("PT5S")
        Duration pollInterval();

        @WithDefault("8")
        int maxAttempts();
    }

    /** Parts of the datasource URLs, so one port or database name overrides both the JDBC and reactive URL. */
    interface Db {
        String host();

        int port();

        String name();
    }

    interface Outbox {
        /** How often the outbox is published . */
        @WithDefault("PT0.2S")
        Duration pollInterval();
    }

    interface Deadline {
        /** How often overdue referrals are looked for. */
        @WithDefault("PT30S")
        Duration sweepInterval();

        /** A deadline this close is "due soon": shown so in the inbox, and the mailbox is told once. */
        @WithDefault("PT6H")
        Duration dueSoon();
    }

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

        /**
         * How long a claimed attempt is reserved before another instance may take it over (crash safety).
         * Must be longer than the timeout, or a slow attempt may be taken over while still running.
         */
        @WithDefault("PT60S")
        Duration lease();

        @WithDefault("50")
        int batchSize();

        /** How often due deliveries are looked for. */
        @WithDefault("PT0.25S")
        Duration pollInterval();

        /** Plain http webhooks (dev and tests only); production requires https. */
        @WithDefault("false")
        boolean allowPlainHttp();
    }

    interface Events {
        @WithDefault("/hotline/routing")
        String source();

        /** At most the emitter's buffer (2048). */
        @WithDefault("500")
        int outboxBatchSize();
    }
}
