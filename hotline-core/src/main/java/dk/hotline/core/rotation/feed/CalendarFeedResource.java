package dk.hotline.core.rotation.feed;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.contracts.vocabulary.Line;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The duty calendar as a subscribable iCalendar feed. Calendar clients cannot sign in, so a signed-in person creates
 * a link with a secret token (shown once, stored hashed) and may revoke it; the feed answers 404 alike for an
 * unknown and a revoked token.
 */
@Cancellable(false)
@Path("/api/rotation/feed-tokens")
@Tag(name = "Rotation")
public class CalendarFeedResource {

    public static final String FEED_PATH = "/kalender/";

    public record IssuedLink(UUID id, Instant createdAt, String token, Map<Line, String> feeds) {
    }

    private final FeedTokens tokens;
    private final SecurityIdentity identity;

    public CalendarFeedResource(FeedTokens tokens, SecurityIdentity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({"advisor", "rotation-admin", "supervisor"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a calendar link for the signed-in person (the token is shown only now)")
    public Uni<Response> issue() {
        return tokens.issue(identity.getPrincipal().getName()).map(issued -> Response.status(201)
                .entity(new IssuedLink(issued.id(), issued.createdAt(), issued.token(), feeds(issued.token()))).build());
    }

    @GET
    @RolesAllowed({"advisor", "rotation-admin", "supervisor"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed-in person's calendar links (without their tokens)")
    public Uni<List<FeedTokens.Listed>> list() {
        return tokens.list(identity.getPrincipal().getName());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"advisor", "rotation-admin", "supervisor"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke one of the signed-in person's calendar links; calendars using it stop updating")
    public Uni<FeedTokens.Listed> revoke(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("id", "must be a UUID");
        }
        return tokens.revoke(identity.getPrincipal().getName(), uuid);
    }

    static Map<Line, String> feeds(String token) {
        return Arrays.stream(Line.values()).collect(Collectors.toMap(l -> l, l -> FEED_PATH + token + "/" + l.name() + ".ics"));
    }
}
