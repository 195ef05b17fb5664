package dk.hotline.core.transfer;

import dk.hotline.core.staff.StaffMember;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.time.Instant;
import java.util.UUID;

/**
 * Hands a live call on (blind transfer) with a note for the receiver: to the other site's queue, Copenhagen's
 * coordination unit, or a named colleague. The advisor holding the call only; audited. 202: the telephony took it;
 * the receiver's console opens the same draft once they answer.
 */
@Path("/api/calls/{callId}/transfer")
@Cancellable(false)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("advisor")
@Tag(name = "Calls")
public class TransferResource {

    /** The body: {@code target} SITE (with {@code site}), COORDINATION, or COLLEAGUE (with {@code endpoint}); a note. */
    public record TransferBody(String target, String site, String endpoint, String note) {
    }

    /** The answer: the transfer's id and what was asked (never the note). */
    public record Accepted(UUID id, String callId, String target, String site, String endpoint, Instant requestedAt,
                           Instant acceptedAt) {
    }

    private final TransferService transfers;
    private final SecurityIdentity identity;

    public TransferResource(TransferService transfers, SecurityIdentity identity) {
        this.transfers = transfers;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hand the live call on, with a note for the receiver (the advisor it is connected to only; audited)")
    public Uni<Response> transfer(@PathParam("callId") String callId, @NotNull TransferBody body) {
        return transfers.request(StaffMember.of(identity), callId,
                        new TransferService.Request(body.target(), body.site(), body.endpoint(), body.note()))
                .map(t -> Response.accepted(new Accepted(t.id, t.callId, t.target.name(),
                        t.targetSite == null ? null : t.targetSite.name(), t.targetEndpoint, t.requestedAt, t.acceptedAt)).build());
    }
}
