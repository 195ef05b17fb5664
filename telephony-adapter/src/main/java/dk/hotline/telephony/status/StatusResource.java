package dk.hotline.telephony.status;

import dk.hotline.telephony.ami.AmiConnector;
import dk.hotline.telephony.call.publish.CallEventPublisher;
import dk.hotline.telephony.call.domain.CallTracker;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.telephony.routing.domain.Schedule;
import dk.hotline.telephony.routing.domain.ScheduleReplica;
import dk.hotline.contracts.schedule.Segment;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the adapter knows right now, for the people who run the rotation: no caller data, ids or counts only. */
@Path("/api/telephony/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    public record LineStatus(Line line, Long scheduleVersion, boolean fresh, String siteOnDuty, Boolean open, Instant validUntil) {
    }

    /** {@code callEventsDropped}: life-cycle events given up (Kafka away past the delivery timeout): core lacks them. */
    public record Status(boolean amiConnected, long amiEventsFolded, int callsInProgress, long callEventsDropped,
                         List<LineStatus> lines, Instant at) {
    }

    private final AmiConnector ami;
    private final CallTracker calls;
    private final ScheduleReplica replica;
    private final CallEventPublisher publisher;
    private final Clock clock;

    public StatusResource(AmiConnector ami, CallTracker calls, ScheduleReplica replica, CallEventPublisher publisher,
                          Clock clock) {
        this.ami = ami;
        this.publisher = publisher;
        this.calls = calls;
        this.replica = replica;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({"supervisor", "rotation-admin"})
    @Operation(summary = "The Asterisk manager link, calls in progress, and the schedule each line is routed by")
    public Status status() {
        Instant now = clock.instant();
        List<LineStatus> lines = new ArrayList<>();
        for (Line line : Line.values()) {
            Schedule schedule = replica.schedule(line).orElse(null);
            Segment segment = schedule == null ? null : schedule.segmentAt(now).orElse(null);
            lines.add(new LineStatus(line, schedule == null ? null : schedule.version(), replica.isFresh(line),
                    segment == null ? null : segment.site().name(), segment == null ? null : segment.open(),
                    schedule == null ? null : schedule.validUntil()));
        }
        return new Status(ami.isConnected(), ami.eventsFolded(), calls.callsInProgress(), publisher.droppedEvents(),
                lines, now);
    }
}
