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
     * The advisor's presence: what this adapter was asked for ({@code state}, {@code reason}, {@code wrapUpUntil} when
     * the pause ends by itself), whether Asterisk holds it ({@code applied}; false while AMI is down or Asterisk
     * refused, then it is re-asserted after the next login), and what Asterisk holds ({@code held}; null while AMI is
     * down). With two adapters a change reaches only one of them, so the other's wish can be older: {@code held} is
     * the same in both, and core answers its own kept state against it.
     */
    public record PresenceView(String endpoint, Site site, PresenceState state, PauseReason reason,
                               Instant wrapUpUntil, boolean applied, Held held) {
    }

    /**
     * The phone in Asterisk's queues as last seen over AMI: the queue's site (null when in none), signed out, available
     * or paused; {@code reason} is ours, or null for a pause with a reason set outside the hotline.
     */
    public record Held(Site site, PresenceState state, PauseReason reason) {
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
        Held held = held(endpoint);
        return advisors.wanted(endpoint)
                .map(w -> new PresenceView(endpoint, w.site(), w.state(), w.reason(), w.wrapUpUntil(),
                        accepted != null ? accepted : held != null && holds(held, w), held))
                .orElseGet(() -> new PresenceView(endpoint, null, PresenceState.SIGNED_OUT, null, null,
                        queues.isKnown(), held));
    }

    /** What Asterisk's queues hold of the endpoint (as last seen over AMI); null while that is unknown. */
    private Held held(String endpoint) {
        if (!queues.isKnown()) {
            return null;
        }
        String memberInterface = AdvisorPresence.memberInterface(endpoint);
        for (Site site : Site.values()) {
            for (QueuePresence.Member m : queues.members(site.queue())) {
                if (memberInterface.equals(m.memberInterface())) {
                    return m.paused()
                            ? new Held(site, PresenceState.PAUSED, PauseReason.ofCode(m.pausedReason()).orElse(null))
                            : new Held(site, PresenceState.AVAILABLE, null);
                }
            }
        }
        return new Held(null, PresenceState.SIGNED_OUT, null);
    }

    /** Whether what Asterisk holds is the wanted state, in its site's queue (a pause with any reason counts). */
    private static boolean holds(Held held, AdvisorPresence.Wanted w) {
        return held.state() == w.state() && (held.site() == null || held.site() == w.site());
    }

    private static void checkEndpoint(String endpoint) {
        if (!AdvisorPresence.validEndpoint(endpoint)) {
            throw ProblemException.badField("endpoint", "must be a PJSIP endpoint name (a-z, 0-9, - and _)");
        }
    }
}
