package dk.hotline.telephony.config;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** Typed configuration of the adapter (prefix {@code hotline}). */
@ConfigMapping(prefix = "hotline")
public interface HotlineConfig {

    /** Europe/Copenhagen: the zone the closed message speaks in. */
    @WithDefault("Europe/Copenhagen")
    ZoneId timeZone();

    /** Keyed hash secret for caller numbers (HOTLINE_CALLER_HASH_SECRET). */
    String callerHashSecret();

    Agi agi();

    Ami ami();

    Core core();

    Presence presence();

    Callback callback();

    /** Dialled number (agi_dnid / agi_extension) → line. */
    Map<String, Line> numbers();

    Map<Line, LineSettings> lines();

    interface Agi {
        @WithDefault("4573")
        int port();

        @WithDefault("0.0.0.0")
        String bindAddress();

        /** Worker threads: each FastAGI call holds one for its whole (short) conversation. */
        @WithDefault("256")
        int poolSize();

        /** Connections waiting for a worker; beyond it a connection is refused and the dialplan falls back. */
        @WithDefault("2048")
        int queueCapacity();

        /** A silent peer is dropped after this long, so it cannot hold a worker. */
        @WithDefault("10s")
        Duration readTimeout();
    }

    interface Ami {
        @WithDefault("true")
        boolean enabled();

        /**
         * Whether a missing AMI link makes the adapter's health DOWN. True in production; the
         * local stack (no Asterisk) sets it false, so its health reports the link as absent but UP.
         */
        @WithDefault("true")
        boolean required();

        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("5038")
        int port();

        String username();

        String secret();

        @WithDefault("500ms")
        Duration reconnectInitialBackoff();

        @WithDefault("30s")
        Duration reconnectMaxBackoff();

        /** Time allowed for a resync action (CoreShowChannels, QueueStatus) to complete. */
        @WithDefault("10s")
        Duration actionTimeout();

        /** How often follow-up pauses whose time is up are ended (QueuePause Paused: false). */
        @WithDefault("1s")
        Duration wrapUpCheck();

        /** How long a callback rings the advisor's phone before it counts as not reached. */
        @WithDefault("20s")
        Duration callbackRing();
    }

    interface Presence {
        /** Follow-up work (efterbehandling): how long an advisor stays paused after each call; 0s for none. */
        @WithDefault("60s")
        Duration wrapUp();
    }

    interface Callback {
        /**
         * After how long in the queue a caller is offered a callback (press 1); 0s: never. Sent to the dialplan per call
         * as HOTLINE_CALLBACK_OFFER_AFTER (seconds), only when the caller's number can be called back.
         */
        @WithDefault("120s")
        Duration offerAfter();

        /** How often the adapter looks for a free advisor and a due callback, reports outcomes and closed lines. */
        @WithDefault("2s")
        Duration pollInterval();

        /** A callback placed without any outcome after this long is forgotten here (core's limit then drops it). */
        @WithDefault("10m")
        Duration forgetAfter();
    }

    interface Core {
        /** Base URL of hotline-core, e.g. http://core:8080. */
        String url();

        /** OAuth2 token endpoint for the client-credentials grant; absent = no token is sent. */
        Optional<String> tokenUrl();

        @WithDefault("telephony-adapter")
        String clientId();

        Optional<String> clientSecret();

        @WithDefault("3s")
        Duration timeout();

        /** How often to refetch the snapshot while a line's schedule is missing or stale. */
        @WithDefault("30s")
        Duration refreshInterval();
    }

    interface LineSettings {
        @WithDefault("false")
        boolean overflowEnabled();

        @WithDefault("120s")
        Duration maxLongestWait();

        Site failSafeSite();
    }
}
