package dk.hotline.core.call;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dk.hotline.core.call.domain.CallState;

import java.time.Instant;

/** Payload of dk.hotline.call.&lt;state&gt;.v1 (docs/events/README.md), as the telephony adapter writes it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallLifecycle(String callId, CallState state, String line, String site, String queue,
                            String advisorEndpoint, String transferredFrom, Instant occurredAt, Long waitSeconds, Long talkSeconds,
                            String callerHash, Routing routing, String endReason) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Routing(String action, Boolean degraded, String overflowReason) {
    }
}
