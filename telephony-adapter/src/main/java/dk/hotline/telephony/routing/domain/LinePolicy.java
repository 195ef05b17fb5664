package dk.hotline.telephony.routing.domain;

import dk.hotline.contracts.vocabulary.Site;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-line routing settings.
 *
 * @param overflowEnabled   whether calls may go to the other site's queue
 * @param maxLongestWait    overflow when the on-duty queue's longest waiting caller has waited longer than this
 * @param failSafeSite      the site to ring when we have never had a schedule for the line
 */
public record LinePolicy(boolean overflowEnabled, Duration maxLongestWait, Site failSafeSite) {

    public LinePolicy {
        Objects.requireNonNull(maxLongestWait, "maxLongestWait");
        Objects.requireNonNull(failSafeSite, "failSafeSite");
    }
}
