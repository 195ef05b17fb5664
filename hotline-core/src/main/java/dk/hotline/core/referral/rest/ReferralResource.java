package dk.hotline.core.referral.rest;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.core.audit.AuditLog;
import dk.hotline.core.staff.StaffMember;
import dk.hotline.core.delivery.ReferralStatuses;
import dk.hotline.core.referral.ReferralService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Reading referrals; they are created from a log (see the contacts API). */
@Cancellable(false)
@Path("/api/referrals")
@Tag(name = "Referrals")
public class ReferralResource {

    private final ReferralService referrals;
    private final SecurityIdentity identity;
    private final ReferralStatuses statuses;

    public ReferralResource(ReferralService referrals, SecurityIdentity identity,
                            ReferralStatuses statuses) {
        this.statuses = statuses;
        this.referrals = referrals;
        this.identity = identity;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"advisor", "supervisor"})
    @Operation(summary = "One referral with what became of it (routing's statuses: forwarded, accepted, the outcome...)"
            + " (advisors: their site's only; supervisors outside their site give X-Access-Reason); audited")
    public Uni<ReferralView> get(@PathParam("id") UUID id, @HeaderParam(AuditLog.REASON_HEADER) String reason) {
        return referrals.visible(id, StaffMember.of(identity, reason))
                .chain(r -> statuses.of(r.id).map(history -> ReferralView.of(r, history)));
    }
}
