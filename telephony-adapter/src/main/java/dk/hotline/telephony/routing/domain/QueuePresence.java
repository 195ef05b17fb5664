package dk.hotline.telephony.routing.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is logged in (and paused) in each queue, and who is waiting, as known from AMI queue events. Fed by the AMI
 * reader, read by every routing decision. Presence is "unknown" until the first queue snapshot after a connection
 * and again once the connection is lost: routing never overflows on stale knowledge.
 */
public final class QueuePresence {

    /** Asterisk device states that mean the member's device is not registered or not usable. */
    private static final int DEVICE_INVALID = 4;
    private static final int DEVICE_UNAVAILABLE = 5;

    private final Clock clock;
    private final Map<String, Map<String, Member>> members = new HashMap<>();
    private final Map<String, Map<String, Instant>> waiting = new HashMap<>();
    private boolean known;

    public QueuePresence(Clock clock) {
        this.clock = clock;
    }

    /** One queue member as the supervisor's view and the overflow rule see it. */
    public record Member(String queue, String memberInterface, String name, int deviceStatus, boolean paused,
                         String pausedReason) {

        public boolean loggedIn() {
            return deviceStatus != DEVICE_UNAVAILABLE && deviceStatus != DEVICE_INVALID;
        }

        public boolean available() {
            return loggedIn() && !paused;
        }
    }

    public synchronized void memberUpdated(Member member) {
        members.computeIfAbsent(member.queue(), q -> new LinkedHashMap<>()).put(member.memberInterface(), member);
        known = true;
    }

    public synchronized void memberPaused(String queue, String memberInterface, boolean paused, String reason) {
        Map<String, Member> byInterface = members.get(queue);
        Member m = byInterface == null ? null : byInterface.get(memberInterface);
        if (m != null) {
            byInterface.put(memberInterface,
                    new Member(queue, memberInterface, m.name(), m.deviceStatus(), paused, paused ? reason : null));
        }
    }

    public synchronized void memberRemoved(String queue, String memberInterface) {
        Map<String, Member> byInterface = members.get(queue);
        if (byInterface != null) {
            byInterface.remove(memberInterface);
        }
    }

    public synchronized void callerJoined(String queue, String channelId, Instant at) {
        waiting.computeIfAbsent(queue, q -> new LinkedHashMap<>()).putIfAbsent(channelId, at);
    }

    public synchronized void callerLeft(String queue, String channelId) {
        Map<String, Instant> q = waiting.get(queue);
        if (q != null) {
            q.remove(channelId);
        }
    }

    /** A connection to Asterisk was (re)established: forget everything until the queue snapshot arrives. */
    public synchronized void snapshotStarted() {
        members.clear();
        waiting.clear();
        known = false;
    }

    public synchronized void snapshotCompleted() {
        known = true;
    }

    /** The connection to Asterisk is lost: what we know is stale. */
    public synchronized void connectionLost() {
        known = false;
    }

    public synchronized boolean isKnown() {
        return known;
    }

    /** Whether the queue has a logged-in, unpaused member; empty when presence is unknown. */
    public synchronized Optional<Boolean> hasAvailableMember(String queue) {
        if (!known) {
            return Optional.empty();
        }
        Map<String, Member> byInterface = members.getOrDefault(queue, Map.of());
        return Optional.of(byInterface.values().stream().anyMatch(Member::available));
    }

    /** How long the longest waiting caller of the queue has waited; empty when presence is unknown. */
    public synchronized Optional<Duration> longestWait(String queue) {
        if (!known) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (Instant joined : waiting.getOrDefault(queue, Map.of()).values()) {
            Duration d = Duration.between(joined, now);
            if (d.compareTo(longest) > 0) {
                longest = d;
            }
        }
        return Optional.of(longest);
    }

    public synchronized List<Member> members(String queue) {
        return List.copyOf(members.getOrDefault(queue, Map.of()).values());
    }

    /** The channels waiting in the queue and since when (a copy). */
    public synchronized Map<String, Instant> waitingSince(String queue) {
        return Map.copyOf(waiting.getOrDefault(queue, Map.of()));
    }

    public synchronized int waitingCount(String queue) {
        return waiting.getOrDefault(queue, Map.of()).size();
    }
}
