package dk.hotline.telephony.callback.domain;

import dk.hotline.telephony.routing.domain.QueuePresence;
import dk.hotline.telephony.routing.domain.RouteAction;
import dk.hotline.telephony.routing.domain.RoutingDecision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The callbacks one adapter has placed and what became of them, and who gets the next one. Plain Java, fed by the
 * AMI reader (signals) and the placer's poll (targets, outcomes); thread-safe.
 *
 * <p>Who: a callback goes to the site on duty by the routing answer of its line (an open line, not degraded, not
 * overflowing), only while nobody waits in that site's queue (callers waiting come first), to a queue member signed
 * in, not paused, whose phone is idle (device state 1), and not already ringing for a callback of ours.
 */
public final class CallbackDesk {

    /** Asterisk's device state "not in use". */
    private static final int IDLE = 1;

    public enum Result { MADE, CALLER_NOT_REACHED, ADVISOR_NOT_REACHED }

    public record Target(String queue, String memberInterface) {
    }

    public record Outcome(String callbackId, Result result) {
    }

    private record Placed(String memberInterface, Instant at) {
    }

    private final Clock clock;
    private final QueuePresence presence;
    private final Duration forgetAfter;
    private final Map<String, Placed> inFlight = new LinkedHashMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();

    /** @param forgetAfter how long a placed callback may go without an outcome before it is forgotten (left to core's limit) */
    public CallbackDesk(Clock clock, QueuePresence presence, Duration forgetAfter) {
        this.clock = clock;
        this.presence = presence;
        this.forgetAfter = forgetAfter;
    }

    /** The advisor to ring for the line's next callback now, if any. */
    public synchronized Optional<Target> target(RoutingDecision decision) {
        if (decision.action() != RouteAction.QUEUE || decision.degraded() || !presence.isKnown()) {
            return Optional.empty();
        }
        String queue = decision.queue();
        if (presence.waitingCount(queue) > 0) {
            return Optional.empty();
        }
        return presence.members(queue).stream()
                .filter(m -> m.available() && m.deviceStatus() == IDLE)
                .filter(m -> inFlight.values().stream().noneMatch(p -> p.memberInterface().equals(m.memberInterface())))
                .min(Comparator.comparing(QueuePresence.Member::memberInterface))
                .map(m -> new Target(queue, m.memberInterface()));
    }

    /** True while a callback of ours waits for its outcome: one at a time per adapter. */
    public synchronized boolean busy() {
        return !inFlight.isEmpty();
    }

    public synchronized void placed(String callbackId, String memberInterface) {
        inFlight.put(callbackId, new Placed(memberInterface, clock.instant()));
    }

    /** A signal for a callback of ours becomes its outcome; anyone else's (another adapter's) is ignored. */
    public synchronized void signal(CallbackSignal signal) {
        if (inFlight.remove(signal.callbackId()) == null) {
            return;
        }
        Result result = Result.ADVISOR_NOT_REACHED;
        if (signal instanceof CallbackSignal.CallerDialled d) {
            result = "ANSWER".equals(d.dialStatus()) ? Result.MADE : Result.CALLER_NOT_REACHED;
        }
        outcomes.add(new Outcome(signal.callbackId(), result));
    }

    /** Outcomes to report to core, oldest first; forgets callbacks that went too long without one (returned ids). */
    public synchronized List<Outcome> drainOutcomes(List<String> forgotten) {
        Instant cutOff = clock.instant().minus(forgetAfter);
        inFlight.entrySet().removeIf(e -> {
            boolean stale = e.getValue().at().isBefore(cutOff);
            if (stale) {
                forgotten.add(e.getKey());
            }
            return stale;
        });
        List<Outcome> out = List.copyOf(outcomes);
        outcomes.clear();
        return out;
    }

    /** An outcome core did not take (unreachable): kept for the next round. */
    public synchronized void retry(Outcome outcome) {
        outcomes.add(outcome);
    }
}
