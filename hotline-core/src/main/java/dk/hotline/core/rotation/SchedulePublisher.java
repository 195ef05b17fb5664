package dk.hotline.core.rotation;

import dk.hotline.core.outbox.Outbox;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.core.rotation.domain.Rotation;
import dk.hotline.core.rotation.domain.RotationSchedule;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * Turns a schedule into the events a replica keeps: one per line, from the
 * start of last month to a horizon ahead (long enough that the telephony
 * adapter routes correctly for weeks if core is down).
 */
@ApplicationScoped
public class SchedulePublisher {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private final Outbox outbox;
    private final Clock clock;
    private final int horizonDays;

    public SchedulePublisher(Outbox outbox, Clock clock,
                             @ConfigProperty(name = "hotline.rotation.publish-horizon-days", defaultValue = "400") int horizonDays) {
        this.outbox = outbox;
        this.clock = clock;
        this.horizonDays = horizonDays;
    }

    public ScheduleEvent eventFor(RotationSchedule schedule, Line line) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, COPENHAGEN);
        OffsetDateTime from = today.withDayOfMonth(1).minusMonths(1).atStartOfDay(COPENHAGEN).toOffsetDateTime();
        OffsetDateTime until = today.plusDays(horizonDays).atStartOfDay(COPENHAGEN).toOffsetDateTime();
        Rotation rotation = new Rotation(schedule, clock);
        return new ScheduleEvent(line, schedule.version(), now, from, until,
                rotation.timeline(line, from.toInstant(), until.toInstant()));
    }

    /** Appends one event per line to the outbox; call inside the transaction that stored the schedule. */
    public Uni<Void> publish(RotationSchedule schedule) {
        return Multi.createFrom().iterable(Arrays.asList(Line.values()))
                .onItem().transformToUniAndConcatenate(line -> outbox.append(ScheduleEvent.TOPIC, line.name(),
                        ScheduleEvent.TYPE, line.name(), eventFor(schedule, line)))
                .collect().last()
                .replaceWithVoid();
    }
}
