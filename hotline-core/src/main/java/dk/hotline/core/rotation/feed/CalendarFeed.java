package dk.hotline.core.rotation.feed;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.platform.problem.QueryEnums;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.core.rotation.RotationService;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.core.rotation.domain.Rotation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

/** The subscribable feed itself: no sign-in, the token in the path (links: {@link CalendarFeedResource}). */
@Cancellable(false)
@Path("/kalender")
@Tag(name = "Rotation")
public class CalendarFeed {

    private final FeedTokens tokens;
    private final RotationService rotation;
    private final Clock clock;

    public CalendarFeed(FeedTokens tokens, RotationService rotation, Clock clock) {
        this.tokens = tokens;
        this.rotation = rotation;
        this.clock = clock;
    }

    @GET
    @Path("/{token}/{line}.ics")
    @PermitAll
    @Produces("text/calendar")
    @Operation(summary = "The duty calendar of a line (iCalendar, RFC 5545) for a calendar subscription")
    public Uni<Response> feed(@PathParam("token") String token, @PathParam("line") String line) {
        Line l = QueryEnums.parse(Line.class, "line", line);
        return tokens.valid(token).flatMap(valid -> {
            if (!valid) {
                throw ProblemException.notFound("Calendar feed");
            }
            return rotation.current().map(schedule -> Response.ok(DutyCalendar.write(new Rotation(schedule, clock), l, clock.instant()))
                    .type("text/calendar; charset=UTF-8")
                    .header("Content-Disposition", "inline; filename=\"vagtplan-" + l.name().toLowerCase() + ".ics\"")
                    .build());
        });
    }

}
