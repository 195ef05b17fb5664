package dk.hotline.routing.referral;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.routing.common.CallerOrganisation;
import dk.hotline.routing.referral.domain.RecipientAction;
import dk.hotline.routing.referral.domain.RecipientOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Locale;

/** The recipient's inbox: only the caller's own organisation's referrals. */
@Cancellable(false)
@Path("/api/inbox/referrals")
@RolesAllowed("recipient")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    public record Rejection(@NotBlank(message = "a reason is required") @Size(max = 2000) String reason) {
    }

    public record Forward(@NotBlank(message = "the organisation to forward to is required") @Size(max = 64) String organisationId,
                          @NotBlank(message = "a reason is required") @Size(max = 2000) String reason) {
    }

    /** {@code outcome}: CASE_STARTED, NOT_CONFIRMED, HANDED_TO_POLICE, REFERRED_TO_OTHER_SERVICE or NO_CONTACT. */
    public record Outcome(@NotNull(message = "must be one of CASE_STARTED, NOT_CONFIRMED, HANDED_TO_POLICE,"
            + " REFERRED_TO_OTHER_SERVICE, NO_CONTACT") RecipientOutcome outcome, @Size(max = 2000) String note) {
    }

    private final InboxService inbox;
    private final CallerOrganisation caller;

    public InboxResource(InboxService inbox, CallerOrganisation caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    /** {@code filter}: {@code new} (default: not yet acknowledged, copies not yet read), {@code overdue}, {@code all}. */
    @GET
    public Uni<List<InboxItem>> list(@QueryParam("filter") @DefaultValue("new") String filter,
                                     @QueryParam("limit") @DefaultValue("100") int limit) {
        InboxService.Filter f;
        try {
            f = InboxService.Filter.valueOf(filter.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("filter", "must be one of new, overdue, all");
        }
        if (limit < 1 || limit > 1000) {
            throw ProblemException.badField("limit", "must be between 1 and 1000");
        }
        return inbox.list(caller.require(), f, limit);
    }

    @GET
    @Path("/{referralId}")
    public Uni<ReferralView> read(@PathParam("referralId") String referralId) {
        return inbox.read(caller.require(), referralId);
    }

    @POST
    @Path("/{referralId}/acknowledge")
    public Uni<ReferralView> acknowledge(@PathParam("referralId") String referralId) {
        return inbox.act(caller.require(), referralId, RecipientAction.ACKNOWLEDGE, null);
    }

    @POST
    @Path("/{referralId}/accept")
    public Uni<ReferralView> accept(@PathParam("referralId") String referralId) {
        return inbox.act(caller.require(), referralId, RecipientAction.ACCEPT, null);
    }

    @POST
    @Path("/{referralId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ReferralView> reject(@PathParam("referralId") String referralId, @Valid @NotNull(message = "a body with a reason is required") Rejection rejection) {
        return inbox.act(caller.require(), referralId, RecipientAction.REJECT, rejection.reason().trim());
    }

    /** Hands the referral to another organisation (it gets its own deadline); afterwards it is not found here. */
    @POST
    @Path("/{referralId}/forward")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ReferralView> forward(@PathParam("referralId") String referralId,
                                     @Valid @NotNull(message = "a body with organisationId and reason is required") Forward forward) {
        return inbox.forward(caller.require(), referralId, forward.organisationId().trim(), forward.reason().trim());
    }

    /** Records what came of an accepted referral, from the fixed list, with an optional note. */
    @POST
    @Path("/{referralId}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ReferralView> outcome(@PathParam("referralId") String referralId,
                                     @Valid @NotNull(message = "a body with an outcome is required") Outcome outcome) {
        String note = outcome.note() == null || outcome.note().isBlank() ? null : outcome.note().trim();
        return inbox.recordOutcome(caller.require(), referralId, outcome.outcome(), note);
    }
}
