package dk.hotline.core.presence;

import dk.hotline.contracts.vocabulary.PauseReason;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.staff.StaffMember;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * An advisor's presence in their site's queue (signed in, paused with a reason, signed out), by their phone's
 * endpoint. The advisor changes their own; a supervisor anyone's, naming the site. Audited.
 */
@Path("/api/presence/{endpoint}")
@Cancellable(false)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"advisor", "supervisor"})
public class PresenceResource {

    /** {@code reason} only with PAUSED; {@code site} only needed from a supervisor (an advisor's is their token's). */
    public record PresenceChange(@NotNull QueueState state, PauseReason reason, Site site) {
    }

    private final PresenceService presence;
    private final SecurityIdentity identity;

    public PresenceResource(PresenceService presence, SecurityIdentity identity) {
        this.presence = presence;
        this.identity = identity;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign a phone in to or out of its site's queue, or pause it with a reason (own phone, or "
            + "supervisor); audited")
    public Uni<AdapterPresence.Presence> change(@PathParam("endpoint") String endpoint, @NotNull PresenceChange change) {
        return presence.change(identity, StaffMember.of(identity), endpoint, change.state(), change.reason(),
                change.site());
    }

    @GET
    @Operation(summary = "A phone's presence in its site's queue (own phone, or supervisor)")
    public Uni<AdapterPresence.Presence> current(@PathParam("endpoint") String endpoint) {
        return presence.current(StaffMember.of(identity), endpoint);
    }
}
