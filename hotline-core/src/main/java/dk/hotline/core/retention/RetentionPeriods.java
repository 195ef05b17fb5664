package dk.hotline.core.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How long each kind of record keeps its personal data (ISO-8601 durations, e.g. {@code P730D}). The defaults and
 * the reasons for them are in docs/data-inventory.md.
 */
@ConfigMapping(prefix = "hotline.retention")
public interface RetentionPeriods {

    /** A draft never finalised is deleted this long after its last change. */
    @WithDefault("P30D")
    Duration draft();

    /** A finalised advice log is anonymised this long after it was finalised. */
    @WithDefault("P730D")
    Duration adviceLog();

    /** A referral is anonymised this long after it was made. */
    @WithDefault("P730D")
    Duration referral();

    /** A call record is anonymised (advisor endpoint dropped) this long after its last event. */
    @WithDefault("P730D")
    Duration callRecord();

    /** The caller-number hash of a call is dropped this long after the call was offered. */
    @WithDefault("P90D")
    Duration callerHash();

    /** A published outbox row (its payload holds the referral as sent) is deleted this long after publishing. */
    @WithDefault("P7D")
    Duration publishedEvent();

    /** The id of a consumed event (kept to recognise a redelivery) is deleted this long after it was processed. */
    @WithDefault("P30D")
    Duration processedEvent();

    /**
     * A callback request's number is dropped this long after the request, if it was not dropped before (callback
     * made, caller not reached, line closed); the request, no longer callable, counts as not made.
     */
    @WithDefault("PT12H")
    Duration callbackNumber();
}
