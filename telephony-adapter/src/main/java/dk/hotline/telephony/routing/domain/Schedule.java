package dk.hotline.telephony.routing.domain;

import dk.hotline.contracts.schedule.Segment;
import dk.hotline.contracts.vocabulary.Line;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The full effective schedule of one line as core publishes it: contiguous segments over
 * [validFrom, validUntil). The adapter needs no rotation rules: it looks up the segment holding "now".
 *
 * <p>One publication of it: core republishes the same {@code version} every night with a later
 * {@code publishedAt} and a horizon moved on, so a publication is newer by version, then by publication instant.
 */
public record Schedule(Line line, long version, Instant publishedAt, Instant validFrom, Instant validUntil,
                       List<Segment> segments) {

    public Schedule {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        segments = List.copyOf(segments);
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).from().isBefore(segments.get(i - 1).from())) {
                throw new IllegalArgumentException("segments must be in order");
            }
        }
    }

    /** Newer publication: a higher version, or the same version published later (the nightly republish). */
    public boolean isNewerPublicationThan(Schedule other) {
        if (version != other.version) {
            return version > other.version;
        }
        return publishedAt.isAfter(other.publishedAt);
    }

    /** Stale once the clock passes validUntil (or before validFrom: a schedule from the future is no use yet). */
    public boolean coversInstant(Instant now) {
        return !now.isBefore(validFrom) && now.isBefore(validUntil);
    }

    public Optional<Segment> segmentAt(Instant now) {
        if (!coversInstant(now)) {
            return Optional.empty();
        }
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Segment s = segments.get(mid);
            if (now.isBefore(s.from())) {
                hi = mid - 1;
            } else if (!now.isBefore(s.to())) {
                lo = mid + 1;
            } else {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The last segment that started at or before now; the best guess of who is on duty when the schedule went stale. */
    public Optional<Segment> lastKnownSegmentAt(Instant now) {
        Segment best = null;
        for (Segment s : segments) {
            if (!s.from().isAfter(now)) {
                best = s;
            }
        }
        if (best == null && !segments.isEmpty()) {
            best = segments.get(0);
        }
        return Optional.ofNullable(best);
    }

    /** When the line next opens after {@code now}, if the schedule says so. */
    public Optional<Instant> nextOpeningAfter(Instant now) {
        for (Segment s : segments) {
            if (s.open() && s.from().isAfter(now)) {
                return Optional.of(s.from());
            }
        }
        return Optional.empty();
    }
}
