package dk.hotline.core.presence;

import dk.hotline.contracts.vocabulary.PauseReason;
import dk.hotline.contracts.vocabulary.Site;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * The queue presence every phone was last asked to have, for the telephony adapter only (role {@code service}): it
 * reads it after each AMI login and re-asserts it at Asterisk, so an adapter restart forgets nothing.
 */
@Path("/api/presence")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("service")
public class WantedPresenceResource {

    /** Same fields and codes as the adapter's presence change. */
    public record Wanted(String endpoint, Site site, QueueState state, PauseReason reason) {
    }

    private final PresenceService presence;

    public WantedPresenceResource(PresenceService presence) {
        this.presence = presence;
    }

    @GET
    @Operation(summary = "Every phone's wanted queue presence (telephony adapter only)")
    public Uni<List<Wanted>> everyWanted() {
        return presence.everyWanted().map(rows -> rows.stream()
                .map(r -> new Wanted(r.endpoint, r.site, r.state, r.reason)).toList());
    }
}
