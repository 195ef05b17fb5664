package dk.hotline.core.contact.rest;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.core.contact.UnloggedCalls;
import dk.hotline.platform.problem.QueryEnums;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.contracts.vocabulary.Site;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/** For supervisors: calls that were answered but still have no finalised log. */
@Cancellable(false)
@Path("/api/supervisor/unlogged-calls")
@Tag(name = "Supervision")
public class UnloggedCallsResource {

    private final UnloggedCalls unlogged;

    public UnloggedCallsResource(UnloggedCalls unlogged) {
        this.unlogged = unlogged;
    }

    @GET
    @RolesAllowed("supervisor")
    @Operation(summary = "Answered-but-not-logged calls",
            description = "Connected calls without a finalised log longer than `olderThan` (ISO-8601 duration, default "
                    + "hotline.advice.unlogged-after), oldest first; optionally one site.")
    public Uni<List<UnloggedCalls.UnloggedCall>> list(@QueryParam("olderThan") String olderThan, @QueryParam("site") String siteName) {
        Site site = QueryEnums.parse(Site.class, "site", siteName);
        Duration threshold = null;
        if (olderThan != null) {
            try {
                threshold = Duration.parse(olderThan);
            } catch (DateTimeParseException e) {
                throw ProblemException.badField("olderThan", "must be an ISO-8601 duration such as PT30M");
            }
            if (threshold.isNegative()) {
                throw ProblemException.badField("olderThan", "must not be negative");
            }
        }
        return unlogged.list(threshold, site);
    }
}
