package dk.hotline.telephony.queue.domain;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.PauseReason;
import dk.hotline.telephony.routing.domain.QueuePresence;
import dk.hotline.contracts.vocabulary.Site;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The supervisors' picture of each site's queue: callers waiting (per line), the longest wait, and the advisors free,
 * on a call, paused or unavailable. Composed from what the AMI reader already folds — {@link QueuePresence} (queue
 * members and waiting channels, rebuilt by {@code QueueStatus} after every (re)connect) and the line each call came in
 * on (the call tracker, from {@code HOTLINE_LINE}) — so there is one source of truth per fact. Ids and counts only:
 * never a caller number or a member's name.
 */
public final class QueueOverview {

    /** Asterisk device states (QueueMemberStatus {@code Status}) that mean the device is busy with a call. */
    private static final int IN_USE = 2;
    private static final int BUSY = 3;
    private static final int RINGING = 6;
    private static final int RING_IN_USE = 7;
    private static final int ON_HOLD = 8;

    /**
     * Advisors of one queue by what they are doing; each member is counted once. {@code pausedByReason} splits
     * {@code paused} by {@link PauseReason} code, {@code OTHER} for a pause made outside the hotline (free text at the
     * PBX, never shown).
     */
    public record Advisors(int free, int onCall, int paused, int unavailable, Map<String, Integer> pausedByReason) {
    }

    /**
     * One site's queue. {@code waitingByLine} counts the waiting callers whose line is known; {@code known} is false
     * until the first queue snapshot after a connection and again after the connection is lost, and then the counts
     * are zero rather than stale.
     */
    public record QueueView(Site site, String queue, boolean known, int waiting, Map<Line, Integer> waitingByLine,
                            long longestWaitSeconds, Advisors advisors) {
    }

    public record Snapshot(Instant at, boolean known, List<QueueView> queues) {
    }

    private final QueuePresence presence;
    private final Function<String, Optional<String>> lineOfCall;
    private final Clock clock;

    /**
     * @param lineOfCall the line of a call in progress by its call id (the caller channel's Uniqueid), as a name of
     *                   {@link Line}; empty when not known
     */
    public QueueOverview(QueuePresence presence, Function<String, Optional<String>> lineOfCall, Clock clock) {
        this.presence = presence;
        this.lineOfCall = lineOfCall;
        this.clock = clock;
    }

    public Snapshot snapshot() {
        Instant now = clock.instant();
        boolean known = presence.isKnown();
        List<QueueView> views = new ArrayList<>();
        for (Site site : Site.values()) {
            views.add(known ? view(site, now) : new QueueView(site, site.queue(), false, 0, Map.of(), 0,
                    new Advisors(0, 0, 0, 0, Map.of())));
        }
        return new Snapshot(now, known, List.copyOf(views));
    }

    private QueueView view(Site site, Instant now) {
        Map<String, Instant> waiting = presence.waitingSince(site.queue());
        Map<Line, Integer> byLine = new EnumMap<>(Line.class);
        long longest = 0;
        for (Map.Entry<String, Instant> caller : waiting.entrySet()) {
            lineOfCall.apply(caller.getKey()).flatMap(QueueOverview::line)
                    .ifPresent(line -> byLine.merge(line, 1, Integer::sum));
            longest = Math.max(longest, Math.max(0, Duration.between(caller.getValue(), now).toSeconds()));
        }
        return new QueueView(site, site.queue(), true, waiting.size(), Map.copyOf(byLine), longest,
                advisors(presence.members(site.queue())));
    }

    static Advisors advisors(List<QueuePresence.Member> members) {
        int free = 0;
        int onCall = 0;
        int paused = 0;
        int unavailable = 0;
        Map<String, Integer> byReason = new java.util.TreeMap<>();
        for (QueuePresence.Member m : members) {
            if (!m.loggedIn()) {
                unavailable++;
            } else if (busy(m.deviceStatus())) {
                onCall++;
            } else if (m.paused()) {
                paused++;
                byReason.merge(PauseReason.ofCode(m.pausedReason()).map(Enum::name).orElse("OTHER"), 1, Integer::sum);
            } else {
                free++;
            }
        }
        return new Advisors(free, onCall, paused, unavailable, Map.copyOf(byReason));
    }

    private static boolean busy(int deviceStatus) {
        return deviceStatus == IN_USE || deviceStatus == BUSY || deviceStatus == RINGING
                || deviceStatus == RING_IN_USE || deviceStatus == ON_HOLD;
    }

    private static Optional<Line> line(String name) {
        for (Line line : Line.values()) {
            if (line.name().equals(name)) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }
}
