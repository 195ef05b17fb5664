package dk.hotline.core.console;

import java.util.List;
import java.util.UUID;

/**
 * What the screen-pop shows about a call: line, site, wait, whether it was routed in degraded mode, and the
 * caller's earlier contacts (never the number). {@code readable} are those this advisor may open.
 */
public record CallPanel(boolean fromTelephony, String line, String site, Long waitSeconds, boolean degraded,
                        int earlierCount, List<Earlier> earlier) {

    /** One earlier contact of the same caller; {@code id} is null when it is another site's. */
    public record Earlier(UUID id, String when, String outcome) {
    }
}
