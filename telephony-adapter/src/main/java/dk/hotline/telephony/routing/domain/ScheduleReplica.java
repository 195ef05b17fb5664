package dk.hotline.telephony.routing.domain;

import dk.hotline.contracts.vocabulary.Line;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The adapter's own copy of the schedule of each line, fed by the compacted rotation topic and by a snapshot
 * from core. The newer publication (version, then publication instant) wins whichever way it arrives. Thread-safe: written by the Kafka consumer and the
 * snapshot loader, read by every FastAGI call.
 */
public final class ScheduleReplica {

    private final Clock clock;
    private final Map<Line, Schedule> schedules = new EnumMap<>(Line.class);

    public ScheduleReplica(Clock clock) {
        this.clock = clock;
    }

    /**
     * Keeps the schedule if it is a newer publication than what we hold (higher version, or the same version
     * published later, whose horizon has moved on); answers whether it was kept.
     */
    public synchronized boolean offer(Schedule schedule) {
        Schedule held = schedules.get(schedule.line());
        if (held != null && !schedule.isNewerPublicationThan(held)) {
            return false;
        }
        schedules.put(schedule.line(), schedule);
        return true;
    }

    public synchronized Optional<Schedule> schedule(Line line) {
        return Optional.ofNullable(schedules.get(line));
    }

    /** Fresh: we hold a schedule for the line and the clock is inside its validity. */
    public boolean isFresh(Line line) {
        return schedule(line).map(s -> s.coversInstant(clock.instant())).orElse(false);
    }

    public boolean isFresh() {
        for (Line line : Line.values()) {
            if (!isFresh(line)) {
                return false;
            }
        }
        return true;
    }
}
