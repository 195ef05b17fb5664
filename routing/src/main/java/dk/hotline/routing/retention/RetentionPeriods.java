package dk.hotline.routing.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long routing keeps personal data (ISO-8601 durations); defaults and reasons in docs/data-inventory.md. */
@ConfigMapping(prefix = "routing.retention")
public interface RetentionPeriods {

    /** How often the job looks; it is idempotent, so a missed run is caught up by the next. */
    @WithDefault("PT1H")
    Duration interval();

    /** A referral copy is anonymised this long after it was made (as core's referral). */
    @WithDefault("P730D")
    Duration referral();

    /** A published status event is deleted this long after publishing. */
    @WithDefault("P7D")
    Duration publishedEvent();

    /** A finished webhook delivery (delivered or given up) is deleted this long after it finished. */
    @WithDefault("P90D")
    Duration finishedDelivery();

    /** A finished e-mail notification (sent or given up) is deleted this long after it finished. */
    @WithDefault("P90D")
    Duration finishedMail();
}
