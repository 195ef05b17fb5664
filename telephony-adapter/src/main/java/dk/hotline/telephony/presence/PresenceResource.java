package dk.hotline.telephony.presence;

import dk.hotline.contracts.vocabulary.PauseReason;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.telephony.presence.domain.AdvisorPresence;
import dk.hotline.telephony.presence.domain.PresenceState;
import dk.hotline.telephony.presence.domain.QueueCommand;
import dk.hotline.telephony.presence.domain.QueueCommandSender;
import dk.hotline.telephony.routing.domain.QueuePresence;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * An advisor's presence in their site's queue: signed in, paused with a reason, signed out. Only core calls this
 * (role {@code service}): core decides who may change whose presence and audits it; the adapter turns it into AMI
 * {@code QueueAdd}/{@code QueueRemove}/{@code QueuePause} on dynamic members and keeps it asserted.
 */
@Path("/api/telephony/presence/{endpoint}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("service")
public class PresenceResource {

    /** The wanted state; {@code reason} only and always with PAUSED. */
    public record PresenceChange(@NotNull Site site, @NotNull PresenceState state, PauseReason reason) {
    }

    /**
     * The advisor's presence: what they asked for ({@code state}, {@code reason}, {@code wrapUpUntil} when the pause
     * ends by itself) and whether Asterisk holds it ({@code applied}; false while AMI is down or Asterisk refused,
     * then it is re-asserted after the next login).
     */
    public record PresenceView(String endpoint, Site site, PresenceState state, PauseReason reason,
                               Instant wrapUpUntil, boolean applied) {
    }

    private final AdvisorPresence advisors;
    private final QueuePresence queues;
    private final QueueCommandSender ami;

    public PresenceResource(AdvisorPresence advisors, QueuePresence queues, QueueCommandSender ami) {
        this.advisors = advisors;
        this.queues = queues;
        this.ami = ami;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign an advisor's endpoint in to or out of their site's queue, or pause it with a reason")
    public Uni<PresenceView> change(@PathParam("endpoint") String endpoint, @Valid @NotNull PresenceChange change) {
        checkEndpoint(endpoint);
        if (change.state() == PresenceState.PAUSED && change.reason() == null) {
            throw ProblemException.badField("reason", "is required when the state is PAUSED");
        }
        if (change.state() != PresenceState.PAUSED && change.reason() != null) {
            throw ProblemException.badField("reason", "is only given when the state is PAUSED");
        }
        List<QueueCommand> commands = advisors.change(endpoint, change.site(), change.state(), change.reason(),
                queues.members(change.site().queue()));
        return Uni.createFrom().completionStage(ami.queueCommands(commands)).map(accepted -> view(endpoint, accepted));
    }

    @GET
    @Operation(summary = "An advisor's presence in their site's queue, as asked for and as Asterisk holds it")
    public PresenceView current(@PathParam("endpoint") String endpoint) {
        checkEndpoint(endpoint);
        return view(endpoint, null);
    }

    /** @param accepted whether Asterisk accepted the commands just sent; null: judge by the queue as last seen */
    private PresenceView view(String endpoint, Boolean accepted) {
        return advisors.wanted(endpoint)
                .map(w -> new PresenceView(endpoint, w.site(), w.state(), w.reason(), w.wrapUpUntil(),
                        accepted != null ? accepted : queues.isKnown() && held(w)))
                .orElseGet(() -> new PresenceView(endpoint, null, PresenceState.SIGNED_OUT, null, null,
                        queues.isKnown()));
    }

    /** Whether Asterisk's queue (as last seen over AMI) matches the wanted state. */
    private boolean held(AdvisorPresence.Wanted w) {
        QueuePresence.Member m = queues.members(w.site().queue()).stream()
                .filter(x -> w.memberInterface().equals(x.memberInterface())).findFirst().orElse(null);
        return switch (w.state()) {
            case SIGNED_OUT -> m == null;
            case AVAILABLE -> m != null && !m.paused();
            case PAUSED -> m != null && m.paused();
        };
    }

    private static void checkEndpoint(String endpoint) {
        if (!AdvisorPresence.validEndpoint(endpoint)) {
            throw ProblemException.badField("endpoint", "must be a PJSIP endpoint name (a-z, 0-9, - and _)");
        }
    }
}
