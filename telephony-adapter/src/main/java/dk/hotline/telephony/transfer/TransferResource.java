package dk.hotline.telephony.transfer;

import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.platform.problem.Problem;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.telephony.call.domain.CallTracker;
import dk.hotline.telephony.transfer.domain.TransferSender;
import dk.hotline.telephony.transfer.domain.TransferTarget;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Blind transfer of a live call (telephony-transfer.v1; docs/decisions/call-transfer.md). Only core calls this (role
 * {@code service}): core decides that the advisor holding the call may hand it on and audits it; the adapter sends
 * AMI {@code BlindTransfer} of that advisor's channel into [hotline-transfer] and follows the outcome on the AMI
 * stream (a second CONNECTED with {@code transferredFrom}).
 */
@Path("/api/telephony/calls/{callId}/transfer")
@RolesAllowed("service")
public class TransferResource {

    /** The request body, as telephony-transfer.v1 has it; unknown fields are refused (400 naming them). */
    public record TransferRequest(@NotNull TransferTarget.Kind target, Site site, String endpoint) {
    }

    /** The 202 answer: Asterisk took the transfer; the new advisor answering is seen on hotline.calls. */
    public record TransferAccepted(String callId, String exten) {
    }

    private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String RETRY_AFTER_SECONDS = "5";

    private final CallTracker calls;
    private final TransferSender pbx;

    public TransferResource(CallTracker calls, TransferSender pbx) {
        this.calls = calls;
        this.pbx = pbx;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Blind-transfer a connected call to the other site's queue, the coordination line or a colleague")
    public Uni<Response> transfer(@PathParam("callId") String callId, @Valid @NotNull TransferRequest request) {
        TransferTarget target = targetOf(request);
        if (!pbx.linkUp()) {
            // Without AMI the adapter neither knows the call's state nor can move it.
            return Uni.createFrom().item(unavailable("The PBX link is down; try again shortly"));
        }
        if (!calls.isInProgress(callId)) {
            throw ProblemException.notFound("Call " + callId);
        }
        String channel = calls.advisorChannelOf(callId).orElseThrow(() -> ProblemException.conflict("call-not-connected",
                "The call is not connected to an advisor", "Call " + callId + " is not CONNECTED to an advisor now",
                List.of()));
        return Uni.createFrom().completionStage(pbx.blindTransfer(channel, target)).map(outcome -> switch (outcome) {
            case ACCEPTED -> Response.accepted(new TransferAccepted(callId, target.exten())).build();
            case REFUSED -> throw ProblemException.conflict("transfer-refused", "The PBX refused the transfer",
                    "Asterisk refused to transfer call " + callId + " (the advisor's channel has left the call)",
                    List.of());
            case UNAVAILABLE -> unavailable("The PBX did not answer; try again shortly");
        });
    }

    private static TransferTarget targetOf(TransferRequest request) {
        switch (request.target()) {
            case SITE -> {
                if (request.site() == null) {
                    throw ProblemException.badField("site", "is required when the target is SITE");
                }
            }
            case COLLEAGUE -> {
                if (request.endpoint() == null) {
                    throw ProblemException.badField("endpoint", "is required when the target is COLLEAGUE");
                }
                if (!ENDPOINT.matcher(request.endpoint()).matches()) {
                    throw ProblemException.badField("endpoint", "must be a PJSIP endpoint name (A-Z, a-z, 0-9, - and _)");
                }
            }
            case COORDINATION -> {
                // nothing more to know; a site or an endpoint given as well is allowed by the contract, and not used
            }
        }
        TransferTarget.Kind kind = request.target();
        return new TransferTarget(kind, kind == TransferTarget.Kind.SITE ? request.site() : null,
                kind == TransferTarget.Kind.COLLEAGUE ? request.endpoint() : null);
    }

    private static Response unavailable(String detail) {
        return Response.status(503).type("application/problem+json").header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(Problem.of(503, "pbx-unavailable", "The PBX cannot be reached", detail, List.of())).build();
    }
}
