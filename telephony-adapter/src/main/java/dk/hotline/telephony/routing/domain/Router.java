package dk.hotline.telephony.routing.domain;

import dk.hotline.contracts.schedule.Segment;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides where a call goes, from the schedule replica and queue presence only: it never waits for core, Kafka or
 * AMI, so a caller is never failed because a dependency is down.
 *
 * <ul>
 *   <li>Fresh schedule, open segment: QUEUE at the site on duty, or OVERFLOW to the other site when the line allows
 *   it, the on-duty queue has no logged-in unpaused member or its longest wait passed the limit, and the other
 *   site's queue has an available member (no point moving a caller to another empty queue).</li>
 *   <li>Fresh schedule, closed segment: CLOSED, naming the next opening when the schedule holds it.</li>
 *   <li>No schedule, or the clock is past validUntil (stale): fail-safe QUEUE at the site of the last known segment,
 *   or the line's configured fail-safe site when we never had one; {@code degraded=true}.</li>
 * </ul>
 */
public final class Router {

    private final Clock clock;
    private final ScheduleReplica replica;
    private final QueuePresence presence;
    private final Map<Line, LinePolicy> policies;

    public Router(Clock clock, ScheduleReplica replica, QueuePresence presence, Map<Line, LinePolicy> policies) {
        this.clock = clock;
        this.replica = replica;
        this.presence = presence;
        this.policies = Map.copyOf(policies);
        for (Line line : Line.values()) {
            Objects.requireNonNull(this.policies.get(line), () -> "no policy for line " + line);
        }
    }

    public RoutingDecision decide(Line line) {
        Instant now = clock.instant();
        LinePolicy policy = policies.get(line);
        Optional<Schedule> schedule = replica.schedule(line);
        Optional<Segment> segment = schedule.flatMap(s -> s.segmentAt(now));
        if (segment.isEmpty()) {
            return schedule.flatMap(s -> s.lastKnownSegmentAt(now)).map(Segment::site)
                    .map(site -> new RoutingDecision(line, RouteAction.QUEUE, site, true, null, null))
                    .orElseGet(() -> failSafe(line));
        }
        Segment current = segment.get();
        if (!current.open()) {
            Instant next = schedule.get().nextOpeningAfter(now).orElse(null);
            return new RoutingDecision(line, RouteAction.CLOSED, current.site(), false, null, next);
        }
        Site onDuty = current.site();
        if (policy.overflowEnabled()) {
            Optional<OverflowReason> reason = overflowReason(onDuty, policy.maxLongestWait());
            if (reason.isPresent() && presence.hasAvailableMember(onDuty.other().queue()).orElse(false)) {
                return new RoutingDecision(line, RouteAction.OVERFLOW, onDuty.other(), false, reason.get(), null);
            }
        }
        return new RoutingDecision(line, RouteAction.QUEUE, onDuty, false, null, null);
    }

    /**
     * The last resort when deciding itself failed: QUEUE at the line's own fail-safe site, degraded. Reads nothing
     * but the line's policy, so it cannot fail the way {@link #decide} did.
     */
    public RoutingDecision failSafe(Line line) {
        return new RoutingDecision(line, RouteAction.QUEUE, policies.get(line).failSafeSite(), true, null, null);
    }

    private Optional<OverflowReason> overflowReason(Site onDuty, Duration maxLongestWait) {
        if (!presence.hasAvailableMember(onDuty.queue()).orElse(true)) {
            return Optional.of(OverflowReason.NO_ADVISOR_AVAILABLE);
        }
        if (presence.longestWait(onDuty.queue()).map(w -> w.compareTo(maxLongestWait) > 0).orElse(false)) {
            return Optional.of(OverflowReason.LONGEST_WAIT_EXCEEDED);
        }
        return Optional.empty();
    }
}
