package dk.hotline.core.board;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The telephony adapter's {@code GET /api/telephony/queues} as core reads it: ids and counts only. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TelephonyQueues(Instant at, boolean known, List<Queue> queues) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Queue(String site, String queue, boolean known, int waiting, Map<String, Integer> waitingByLine,
                        long longestWaitSeconds, Advisors advisors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Advisors(int free, int onCall, int paused, int unavailable, Map<String, Integer> pausedByReason) {

        /** Pauses by reason code; empty when the adapter does not say (an older adapter). */
        public Map<String, Integer> pausedByReason() {
            return pausedByReason == null ? Map.of() : pausedByReason;
        }
    }
}
