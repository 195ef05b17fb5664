package dk.hotline.core.contact.rest;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.platform.problem.QueryEnums;
import dk.hotline.core.audit.AuditLog;
import dk.hotline.core.staff.StaffMember;
import dk.hotline.core.contact.Contact;
import dk.hotline.core.contact.ContactPatch;
import dk.hotline.core.contact.ContactService;
import dk.hotline.core.contact.domain.ContactStatus;
import dk.hotline.core.contact.rest.ContactCommands.Amend;
import dk.hotline.core.contact.rest.ContactCommands.Finalise;
import dk.hotline.core.contact.rest.ContactCommands.OpenContact;
import dk.hotline.core.contact.rest.ContactViews.AmendmentView;
import dk.hotline.core.contact.rest.ContactViews.ContactView;
import dk.hotline.core.referral.ReferralRequest;
import dk.hotline.core.referral.ReferralService;
import dk.hotline.core.referral.rest.ReferralView;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Contacts and their advice logs. A hotline call gets its draft from the
 * telephony system (see /api/advisor/events); other contacts are opened here.
 * Advisors work on their own site's contacts (another site's answer 404);
 * supervisors read all and may amend.
 */
@Cancellable(false)
@Path("/api/contacts")
@Tag(name = "Contacts and advice log")
public class ContactResource {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ContactService contacts;
    private final ReferralService referrals;
    private final SecurityIdentity identity;

    public ContactResource(ContactService contacts, ReferralService referrals, SecurityIdentity identity) {
        this.contacts = contacts;
        this.referrals = referrals;
        this.identity = identity;
    }

    @POST
    @RolesAllowed("advisor")
    @Operation(summary = "Open a contact that did not come through the telephony system (e-mail, a call outside it...)")
    public Uni<Response> open(@Valid @NotNull(message = "is required") OpenContact command) {
        return contacts.open(staff(), command.channel())
                .map(c -> Response.created(URI.create("/api/contacts/" + c.id)).entity(ContactView.of(c)).build());
    }

    @GET
    @RolesAllowed({"advisor", "supervisor"})
    @Operation(summary = "Contacts, newest first (advisors: their site; mine=true: only those of my endpoint; supervisors: their site, every site with X-Access-Reason); audited")
    public Uni<List<ContactView>> list(@QueryParam("status") String status, @QueryParam("mine") boolean mine,
                                       @HeaderParam(AuditLog.REASON_HEADER) String reason) {
        return contacts.list(StaffMember.of(identity, reason), QueryEnums.parse(ContactStatus.class, "status", status), mine).map(list -> list.stream().map(ContactView::of).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"advisor", "supervisor"})
    @Operation(summary = "One contact with its referral and amendments (supervisors outside their site give X-Access-Reason); audited")
    public Uni<ContactView> get(@PathParam("id") UUID id, @HeaderParam(AuditLog.REASON_HEADER) String reason) {
        return contacts.visible(id, StaffMember.of(identity, reason)).flatMap(this::full);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed("advisor")
    @Operation(summary = "Autosave a draft: absent or null fields stay, fields named in `clear` are emptied; 409 once final")
    public Uni<ContactView> patch(@PathParam("id") UUID id, @Valid @NotNull(message = "is required") ContactPatch patch) {
        return contacts.patch(id, staff(), patch).map(ContactView::of);
    }

    @POST
    @Path("{id}/finalise")
    @RolesAllowed("advisor")
    @Operation(summary = "Finalise the log (immutable afterwards); with `referral`, hand it on in the same transaction",
            description = "422 names every missing field. Honours Idempotency-Key for the referral.")
    public Uni<ContactView> finalise(@PathParam("id") UUID id, @Valid Finalise command,
                                     @HeaderParam(IDEMPOTENCY_KEY) @Size(max = 200, message = "must be at most 200 characters") String key) {
        ReferralRequest referral = command == null ? null : command.referral();
        return contacts.finalise(id, staff(), referral, key)
                .map(f -> ContactView.of(f.contact(), f.referral() == null ? null : f.referral().referral(), null));
    }

    @POST
    @Path("{id}/referral")
    @RolesAllowed("advisor")
    @Operation(summary = "Hand a finalised log on (one referral per log; a second answers 409)",
            description = "201 with the referral. With an Idempotency-Key already used for this log, answers 200 with the "
                    + "referral that key created. The referral and its event commit together.")
    public Uni<Response> refer(@PathParam("id") UUID id, @Valid @NotNull(message = "is required") ReferralRequest request,
                               @HeaderParam(IDEMPOTENCY_KEY) @Size(max = 200, message = "must be at most 200 characters") String key) {
        StaffMember staff = staff();
        return contacts.refer(id, staff, request, key)
                .map(created -> created.replayed()
                        ? Response.ok(ReferralView.of(created.referral())).header("Idempotent-Replayed", "true").build()
                        : Response.created(URI.create("/api/referrals/" + created.referral().id))
                                .entity(ReferralView.of(created.referral())).build());
    }

    @POST
    @Path("{id}/amendments")
    @RolesAllowed({"advisor", "supervisor"})
    @Operation(summary = "Correct a finalised log: the changes and a required reason; who and when come from the token and clock")
    public Uni<Response> amend(@PathParam("id") UUID id, @Valid @NotNull(message = "is required") Amend command) {
        return contacts.amend(id, staff(), command.reason(), command.changes())
                .map(a -> Response.created(URI.create("/api/contacts/" + id)).entity(AmendmentView.of(a)).build());
    }

    private Uni<ContactView> full(Contact c) {
        return referrals.ofContact(c.id).flatMap(r -> contacts.amendments(c.id).map(a -> ContactView.of(c, r, a)));
    }

    private StaffMember staff() {
        return StaffMember.of(identity);
    }
}
