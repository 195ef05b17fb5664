package dk.hotline.telephony.call.domain;

import java.time.Instant;

/**
 * Payload of {@code dk.hotline.call.<state>.v1} (docs/events/call-lifecycle.v1.schema.json). The caller's number is
 * never here: only {@code callerHash}, null when the number was withheld.
 */
public record CallLifecycleEvent(String callId, CallState state, String line, String site, String queue,
                                 String advisorEndpoint, Instant occurredAt, Long waitSeconds, Long talkSeconds,
                                 String callerHash, Routing routing, EndReason endReason) {

    /** How the call was routed; null fields when the routing answer was never seen (the AGI failed). */
    public record Routing(String action, boolean degraded, String overflowReason) {
    }

    /** Stable per call and state, so a redelivered event is recognised by consumers as the same event. */
    public String eventId() {
        return callId + "/" + state.name();
    }
}
