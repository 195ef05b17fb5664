package dk.hotline.telephony.call.domain;

import java.time.Instant;

/**
 * Payload of {@code dk.hotline.call.<state>.v1} (docs/events/call-lifecycle.v1.schema.json). The caller's number is
 * never here: only {@code callerHash}, null when the number was withheld.
 */
public record CallLifecycleEvent(String callId, CallState state, String line, String site, String queue,
                                 String advisorEndpoint, Instant occurredAt, Long waitSeconds, Long talkSeconds,
                                 String callerHash, Routing routing, EndReason endReason, String transferredFrom,
                                 int connection) {

    /** Every state but a later CONNECTED: no transfer, the first connection. */
    public CallLifecycleEvent(String callId, CallState state, String line, String site, String queue,
                              String advisorEndpoint, Instant occurredAt, Long waitSeconds, Long talkSeconds,
                              String callerHash, Routing routing, EndReason endReason) {
        this(callId, state, line, site, queue, advisorEndpoint, occurredAt, waitSeconds, talkSeconds, callerHash,
                routing, endReason, null, 1);
    }

    /** How the call was routed; null fields when the routing answer was never seen (the AGI failed). */
    public record Routing(String action, boolean degraded, String overflowReason) {
    }

    /**
     * Stable per call and state, so a redelivered event is recognised by consumers as the same event. A call
     * connected again after a transfer has one CONNECTED per connection: the n-th (n ≥ 2) is {@code callId/CONNECTED/n}.
     * ({@code connection} is for this id only; it is not part of the payload.)
     */
    public String eventId() {
        String id = callId + "/" + state.name();
        return state == CallState.CONNECTED && connection > 1 ? id + "/" + connection : id;
    }
}
