package dk.hotline.core.rotation.rest;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.core.rotation.feed.CalendarFeedResource;
import dk.hotline.core.rotation.feed.FeedTokens;
import dk.hotline.core.screen.Msg;
import dk.hotline.core.screen.Viewer;
import dk.hotline.core.screen.Viewers;
import dk.hotline.platform.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * "Kalenderlinks": a signed-in person's subscriptions to the duty calendar (docs/rotation.md#calendar-feed-icalendar).
 * The same tokens as {@code /api/rotation/feed-tokens}; a new link's addresses are shown once, right after it is made,
 * because only the token's hash is kept.
 */
@Path("/vagtplan/kalender")
@Cancellable(false)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"advisor", "rotation-admin", "supervisor"})
public class CalendarLinksPage {

    /** One address of a new link: the line's name and the full address a calendar subscribes to. */
    public record Feed(String id, String line, String url) {
    }

    /** A link as listed: when it was made and, once revoked, when. */
    public record Link(String id, String created, String revoked) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance links(Viewer me, List<Link> links, List<Feed> created, String error);
    }

    private final FeedTokens tokens;
    private final Viewers viewers;
    private final Msg msg;
    private final SecurityIdentity identity;

    public CalendarLinksPage(FeedTokens tokens, Viewers viewers, Msg msg, SecurityIdentity identity) {
        this.tokens = tokens;
        this.viewers = viewers;
        this.msg = msg;
        this.identity = identity;
    }

    @GET
    @Operation(hidden = true)
    public Uni<TemplateInstance> page() {
        return render(List.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<TemplateInstance> create(@Context UriInfo uri) {
        return tokens.issue(owner())
                .flatMap(issued -> render(Arrays.stream(Line.values()).map(line -> new Feed(line.name(), lineHeading(line),
                        uri.getBaseUriBuilder().path(CalendarFeedResource.FEED_PATH + issued.token() + "/" + line.name() + ".ics")
                                .build().toString())).toList(), null))
                .onFailure(ProblemException.class).recoverWithUni(e -> render(List.of(), msg.cal_too_many()));
    }

    @POST
    @Path("{id}/tilbagekald")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> revoke(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Calendar link " + id);
        }
        return tokens.revoke(owner(), uuid)
                .map(revoked -> Response.seeOther(URI.create("/vagtplan/kalender")).build());
    }

    private Uni<TemplateInstance> render(List<Feed> created, String error) {
        return tokens.list(owner()).map(listed -> Templates.links(viewers.current(),
                listed.stream().map(l -> new Link(l.id().toString(), RotationAdminPage.WHEN.format(l.createdAt()),
                        l.revokedAt() == null ? null : RotationAdminPage.WHEN.format(l.revokedAt()))).toList(), created, error));
    }

    private String lineHeading(Line line) {
        return switch (line) {
            case NATIONAL -> msg.stat_line_NATIONAL();
            case COPENHAGEN_LOCAL -> msg.stat_line_COPENHAGEN_LOCAL();
        };
    }

    private String owner() {
        return identity.getPrincipal().getName();
    }
}
