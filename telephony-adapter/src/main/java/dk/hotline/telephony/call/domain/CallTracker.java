package dk.hotline.telephony.call.domain;

import dk.hotline.telephony.call.domain.CallSignal.AgentCompleted;
import dk.hotline.telephony.call.domain.CallSignal.AgentConnected;
import dk.hotline.telephony.call.domain.CallSignal.ChannelCreated;
import dk.hotline.telephony.call.domain.CallSignal.ChannelHungUp;
import dk.hotline.telephony.call.domain.CallSignal.ChannelSnapshot;
import dk.hotline.telephony.call.domain.CallSignal.DialAnswered;
import dk.hotline.telephony.call.domain.CallSignal.QueueAbandoned;
import dk.hotline.telephony.call.domain.CallSignal.QueueJoined;
import dk.hotline.telephony.call.domain.CallSignal.ResyncCompleted;
import dk.hotline.telephony.call.domain.CallSignal.ResyncStarted;
import dk.hotline.telephony.call.domain.CallSignal.VariableSet;
import dk.hotline.contracts.vocabulary.Site;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The call life cycle, folded from PBX signals: OFFERED → QUEUED → CONNECTED → ENDED, or ABANDONED / CLOSED.
 *
 * <p>A call is identified by the Linkedid of the caller's channel (equal to its Uniqueid). A channel becomes a
 * hotline call once the dialplan sets HOTLINE_LINE on it; OFFERED is published when the routing answer
 * (HOTLINE_ACTION) is set. Only calls in progress are held, so memory is bounded by the calls in progress.
 * Not thread-safe by itself: {@link #apply} is synchronized for the single AMI reader plus resync.
 *
 * <p>A blind transfer is not the end of a call (docs/decisions/call-transfer.md): the caller's channel leaves the
 * first advisor ({@code AgentComplete Reason: transfer}, or {@code HOTLINE_TRANSFER} set by [hotline-transfer]) and
 * the call stays CONNECTED, waiting for its next advisor; when one answers (a queue's {@code AgentConnect}, or the
 * transfer's {@code Dial} answered by a colleague) CONNECTED is published again, numbered, with
 * {@code transferredFrom}. The coordination unit answering ends the call for the hotline (ENDED, TRANSFERRED).
 * ENDED after transfers names the last advisor who answered, and {@code talkSeconds} is the talk of every leg
 * summed (the time waiting for the next advisor not included).
 */
public final class CallTracker {

    private static final String PJSIP_PREFIX = "PJSIP/";
    private static final Set<String> ROUTING_ACTIONS = Set.of("QUEUE", "OVERFLOW", "CLOSED");

    private final Clock clock;
    private final CallerHasher hasher;
    /** Caller channels (uniqueId == linkedId) not (yet) known to be hotline calls: uniqueId → caller hash. */
    private final Map<String, String> callerChannels = new HashMap<>();
    private final Map<String, Call> calls = new HashMap<>();
    private Map<String, ChannelSnapshot> snapshot;
    /** Counts resyncs; a call created after a snapshot was requested is not judged by that snapshot. */
    private long generation;

    public CallTracker(Clock clock, CallerHasher hasher) {
        this.clock = clock;
        this.hasher = hasher;
    }

    public synchronized List<CallLifecycleEvent> apply(CallSignal signal) {
        List<CallLifecycleEvent> out = new ArrayList<>(2);
        if (signal instanceof ChannelCreated s) {
            if (s.uniqueId().equals(s.linkedId())) {
                callerChannels.put(s.uniqueId(), nullToEmpty(hasher.hash(s.callerNumber())));
            }
        } else if (signal instanceof VariableSet s) {
            onVariable(s, out);
        } else if (signal instanceof QueueJoined s) {
            Call call = calls.get(s.linkedId());
            if (call != null && call.isCallerChannel(s.uniqueId()) && call.state.ordinal() < CallState.QUEUED.ordinal()) {
                call.queue = s.queue();
                Site.ofQueue(s.queue()).ifPresent(site -> call.site = site.name());
                call.queuedAt = clock.instant();
                call.offerIfNeeded(this, out);
                call.state = CallState.QUEUED;
                out.add(call.event(CallState.QUEUED, call.queuedAt, null, null, null));
            }
        } else if (signal instanceof AgentConnected s) {
            Call call = calls.get(s.linkedId());
            if (call != null && call.state.ordinal() < CallState.CONNECTED.ordinal()) {
                call.offerIfNeeded(this, out);
                call.queue = s.queue();
                Site.ofQueue(s.queue()).ifPresent(site -> call.site = site.name());
                call.advisorEndpoint = endpointOf(s.memberInterface());
                call.advisorChannel = s.advisorChannel();
                call.legByQueue = true;
                call.connectedAt = clock.instant();
                call.connections = 1;
                call.state = CallState.CONNECTED;
                out.add(call.event(CallState.CONNECTED, call.connectedAt, s.holdSeconds(), null, null));
            } else if (call != null && call.transferring) {
                call.queue = s.queue();
                Site.ofQueue(s.queue()).ifPresent(site -> call.site = site.name());
                connectAgain(call, endpointOf(s.memberInterface()), s.advisorChannel(), true, s.holdSeconds(), out);
            }
        } else if (signal instanceof AgentCompleted s) {
            Call call = calls.get(s.linkedId());
            if (call != null && call.state == CallState.CONNECTED && call.connectedAt != null) {
                if ("transfer".equalsIgnoreCase(s.reason())) {
                    call.startTransfer(clock.instant());
                    call.endLeg(s.talkSeconds());
                } else {
                    finish(call, CallState.ENDED, s.holdSeconds(), call.talkBefore + s.talkSeconds(),
                            endReasonOf(s.reason()), out);
                }
            }
        } else if (signal instanceof DialAnswered s) {
            onDialAnswered(s, out);
        } else if (signal instanceof QueueAbandoned s) {
            Call call = calls.get(s.linkedId());
            if (call != null && call.state == CallState.QUEUED) {
                finish(call, CallState.ABANDONED, s.holdSeconds(), null, EndReason.CALLER_HANGUP, out);
            }
        } else if (signal instanceof ChannelHungUp s) {
            callerChannels.remove(s.uniqueId());
            Call call = calls.get(s.linkedId());
            if (call != null && call.isCallerChannel(s.uniqueId())) {
                closeUnfinished(call, EndReason.CALLER_HANGUP, out);
            }
        } else if (signal instanceof ResyncStarted) {
            snapshot = new HashMap<>();
            generation++;
        } else if (signal instanceof ChannelSnapshot s) {
            if (snapshot != null) {
                snapshot.put(s.uniqueId(), s);
            }
        } else if (signal instanceof ResyncCompleted) {
            onResyncCompleted(out);
        }
        return out;
    }

    public synchronized int callsInProgress() {
        return calls.size();
    }

    /** The line (as HOTLINE_LINE named it) of a call in progress, by its call id. */
    public synchronized java.util.Optional<String> lineOf(String callId) {
        Call call = calls.get(callId);
        return call == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(call.line);
    }

    /**
     * The advisor's channel of a call that is CONNECTED to an advisor now (not being handed on), the channel a
     * transfer is sent on; empty for any other call in progress or when the channel is not known.
     */
    public synchronized java.util.Optional<String> advisorChannelOf(String callId) {
        Call call = calls.get(callId);
        if (call == null || call.state != CallState.CONNECTED || call.transferring || call.connectedAt == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(call.advisorChannel);
    }

    public synchronized boolean isInProgress(String callId) {
        return calls.containsKey(callId);
    }

    public synchronized Map<String, CallState> statesInProgress() {
        Map<String, CallState> states = new HashMap<>();
        calls.forEach((id, call) -> states.put(id, call.state));
        return states;
    }

    private void onVariable(VariableSet s, List<CallLifecycleEvent> out) {
        if (!s.uniqueId().equals(s.linkedId())) {
            return;
        }
        String name = s.name();
        Call call = calls.get(s.linkedId());
        if (call == null) {
            if (!"HOTLINE_LINE".equals(name)) {
                return;
            }
            String hash = callerChannels.remove(s.uniqueId());
            call = new Call(s.linkedId(), hash == null || hash.isEmpty() ? null : hash, generation);
            calls.put(call.callId, call);
        }
        String value = s.value();
        switch (name) {
            case "HOTLINE_LINE" -> call.line = normalised(value);
            case "HOTLINE_SITE" -> call.site = normalised(value);
            case "HOTLINE_QUEUE" -> call.queue = value;
            case "HOTLINE_DEGRADED" -> call.degraded = "true".equalsIgnoreCase(value);
            case "HOTLINE_OVERFLOW_REASON" -> call.overflowReason = value.isEmpty() ? null : value;
            case "HOTLINE_TRANSFER" -> onTransferVariable(call, value);
            case "HOTLINE_HANGUP_BY" -> call.advisorHungUp = "ADVISOR".equals(value);
            case "HOTLINE_ACTION" -> {
                // The dialplan clears HOTLINE_ACTION before the AGI (Set(HOTLINE_ACTION=)): only one of the
                // routing answers is the answer.
                if (!ROUTING_ACTIONS.contains(value)) {
                    return;
                }
                call.action = value;
                if (call.site == null && call.queue != null) {
                    // The dialplan's own fallback names the queue only.
                    call.site = Site.ofQueue(call.queue).map(Site::name).orElse(null);
                }
                call.offerIfNeeded(this, out);
            }
            default -> {
                // other HOTLINE_* variables (call id, next opening) do not change the life cycle
            }
        }
    }

    /**
     * [hotline-transfer] names the kind of transfer on the caller's channel: SITE (a queue answers), COLLEAGUE or
     * COORDINATION (a Dial answers), SITE again when the Dial was not answered. A leg that came from a Dial has no
     * AgentComplete to close it: the transfer closes it here.
     */
    private void onTransferVariable(Call call, String kind) {
        if (call.state != CallState.CONNECTED || kind.isEmpty()) {
            return;
        }
        call.transferKind = kind;
        if (!call.transferring) {
            Instant now = clock.instant();
            call.startTransfer(now);
            if (!call.legByQueue && call.connectedAt != null) {
                call.endLeg(seconds(call.connectedAt, now));
            }
        }
    }

    private void onDialAnswered(DialAnswered s, List<CallLifecycleEvent> out) {
        Call call = calls.get(s.linkedId());
        if (call == null || !call.transferring || !call.isCallerChannel(s.uniqueId()) || call.connectedAt != null) {
            return;
        }
        if ("COLLEAGUE".equals(call.transferKind)) {
            connectAgain(call, endpointOf(channelInterface(s.destChannel())), s.destChannel(), false,
                    seconds(call.transferredAt, clock.instant()), out);
        } else if ("COORDINATION".equals(call.transferKind)) {
            // The coordination unit is not one of the hotline's advisors: the call leaves the hotline here.
            finish(call, CallState.ENDED, null, call.talkBefore, EndReason.TRANSFERRED, out);
        }
    }

    /** The n-th advisor of the call answered: CONNECTED again, transferred from the one before. */
    private void connectAgain(Call call, String endpoint, String channel, boolean byQueue, Long wait,
                              List<CallLifecycleEvent> out) {
        if (call.connectedAt != null) {
            call.endLeg(seconds(call.connectedAt, clock.instant()));
        }
        String from = call.advisorEndpoint;
        call.advisorEndpoint = endpoint;
        call.advisorChannel = channel;
        call.legByQueue = byQueue;
        call.transferring = false;
        call.transferKind = null;
        call.advisorHungUp = false;
        call.connectedAt = clock.instant();
        call.connections++;
        CallLifecycleEvent connected = call.event(CallState.CONNECTED, call.connectedAt, wait, null, null);
        out.add(new CallLifecycleEvent(connected.callId(), connected.state(), connected.line(), connected.site(),
                connected.queue(), connected.advisorEndpoint(), connected.occurredAt(), connected.waitSeconds(),
                null, connected.callerHash(), connected.routing(), null, from, call.connections));
    }

    private void onResyncCompleted(List<CallLifecycleEvent> out) {
        if (snapshot == null) {
            return;
        }
        Map<String, ChannelSnapshot> live = snapshot;
        snapshot = null;
        callerChannels.keySet().retainAll(live.keySet());
        for (Call call : new ArrayList<>(calls.values())) {
            if (call.generation == generation) {
                continue;
            }
            ChannelSnapshot caller = live.get(call.callId);
            if (caller == null) {
                closeUnfinished(call, EndReason.ENDED_DURING_OUTAGE, out);
            } else if (call.state.ordinal() < CallState.CONNECTED.ordinal() && !isBlank(caller.bridgeId())) {
                connectFromSnapshot(call, caller, live.values(), out);
            }
        }
    }

    /** The caller's channel is bridged with the advisor's channel of the same call: it was answered while we were away. */
    private void connectFromSnapshot(Call call, ChannelSnapshot caller, Iterable<ChannelSnapshot> live,
                                     List<CallLifecycleEvent> out) {
        for (ChannelSnapshot other : live) {
            if (!other.uniqueId().equals(caller.uniqueId()) && call.callId.equals(other.linkedId())
                    && caller.bridgeId().equals(other.bridgeId())) {
                call.offerIfNeeded(this, out);
                Instant now = clock.instant();
                Instant waitingSince = call.queuedAt != null ? call.queuedAt : call.offeredAt;
                call.advisorEndpoint = endpointOf(channelInterface(other.channel()));
                call.connectedAt = now;
                call.state = CallState.CONNECTED;
                out.add(call.event(CallState.CONNECTED, now, seconds(waitingSince, now), null, null));
                return;
            }
        }
    }

    private void closeUnfinished(Call call, EndReason reason, List<CallLifecycleEvent> out) {
        Instant now = clock.instant();
        switch (call.state) {
            case CONNECTED -> {
                long leg = call.connectedAt == null ? 0 : seconds(call.connectedAt, now);
                EndReason why = reason == EndReason.CALLER_HANGUP && call.advisorHungUp ? EndReason.ADVISOR_HANGUP
                        : reason;
                finish(call, CallState.ENDED, null, call.talkBefore + leg, why, out);
            }
            case QUEUED -> finish(call, CallState.ABANDONED, seconds(call.queuedAt, now), null, reason, out);
            default -> {
                call.offerIfNeeded(this, out);
                if ("CLOSED".equals(call.action)) {
                    finish(call, CallState.CLOSED, null, null, null, out);
                } else {
                    finish(call, CallState.ABANDONED, seconds(call.offeredAt, now), null,
                            call.action == null ? EndReason.OTHER : reason, out);
                }
            }
        }
    }

    private void finish(Call call, CallState state, Long wait, Long talk, EndReason reason,
                        List<CallLifecycleEvent> out) {
        calls.remove(call.callId);
        call.state = state;
        out.add(call.event(state, clock.instant(), wait, talk, reason));
    }

    private static EndReason endReasonOf(String reason) {
        if (reason == null) {
            return EndReason.OTHER;
        }
        return switch (reason.toLowerCase(java.util.Locale.ROOT)) {
            case "caller" -> EndReason.CALLER_HANGUP;
            case "agent" -> EndReason.ADVISOR_HANGUP;
            case "transfer" -> EndReason.TRANSFERRED;
            default -> EndReason.OTHER;
        };
    }

    /** PJSIP/advisor-aarhus-1 → advisor-aarhus-1. */
    static String endpointOf(String memberInterface) {
        if (memberInterface == null) {
            return null;
        }
        return memberInterface.startsWith(PJSIP_PREFIX) ? memberInterface.substring(PJSIP_PREFIX.length())
                : memberInterface;
    }

    /** PJSIP/advisor-aarhus-1-0000000e → PJSIP/advisor-aarhus-1 (a channel name is the endpoint plus a sequence). */
    static String channelInterface(String channel) {
        int dash = channel.lastIndexOf('-');
        return dash > 0 ? channel.substring(0, dash) : channel;
    }

    private static Long seconds(Instant from, Instant to) {
        return from == null ? null : Math.max(0, Duration.between(from, to).toSeconds());
    }

    /** national → NATIONAL, copenhagen-local → COPENHAGEN_LOCAL: the dialplan may spell them either way. */
    private static String normalised(String value) {
        return value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Internal view of one call in progress. */
    private static final class Call {
        private final String callId;
        private final String callerHash;
        private final long generation;
        private CallState state;
        private boolean offered;
        private String line;
        private String site;
        private String queue;
        private String action;
        private boolean degraded;
        private String overflowReason;
        private String advisorEndpoint;
        /** The advisor's channel of the current leg (AgentConnect's DestChannel, the Dial's answerer). */
        private String advisorChannel;
        /** Whether the current leg came from a queue (an AgentComplete will close it) or from a transfer's Dial. */
        private boolean legByQueue;
        /** Handed on by a transfer, the next advisor not (yet) answering; connectedAt is null once the leg closed. */
        private boolean transferring;
        private String transferKind;
        private Instant transferredAt;
        /** The dialplan said the advisor of a Dial leg hung up (HOTLINE_HANGUP_BY=ADVISOR). */
        private boolean advisorHungUp;
        private int connections;
        /** Talk of the legs before the current one. */
        private long talkBefore;
        private Instant offeredAt;
        private Instant queuedAt;
        private Instant connectedAt;

        private Call(String callId, String callerHash, long generation) {
            this.callId = callId;
            this.callerHash = callerHash;
            this.generation = generation;
            this.state = CallState.OFFERED;
        }

        private void startTransfer(Instant at) {
            if (!transferring) {
                transferring = true;
                transferredAt = at;
            }
        }

        private void endLeg(long talkSeconds) {
            talkBefore += talkSeconds;
            connectedAt = null;
            advisorChannel = null;
        }

        private boolean isCallerChannel(String uniqueId) {
            return callId.equals(uniqueId);
        }

        private void offerIfNeeded(CallTracker tracker, List<CallLifecycleEvent> out) {
            if (!offered) {
                offered = true;
                offeredAt = tracker.clock.instant();
                out.add(event(CallState.OFFERED, offeredAt, null, null, null));
            }
        }

        private CallLifecycleEvent event(CallState published, Instant at, Long wait, Long talk, EndReason reason) {
            CallLifecycleEvent.Routing routing = action == null ? null
                    : new CallLifecycleEvent.Routing(action, degraded, overflowReason);
            return new CallLifecycleEvent(callId, published, line, site, queue, advisorEndpoint, at, wait, talk,
                    callerHash, routing, reason);
        }
    }
}
