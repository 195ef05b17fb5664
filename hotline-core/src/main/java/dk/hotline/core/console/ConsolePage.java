package dk.hotline.core.console;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.core.call.CallRecord;
import dk.hotline.core.contact.AdvisorNotice;
import dk.hotline.core.contact.AdvisorNotices;
import dk.hotline.core.staff.StaffMember;
import dk.hotline.core.contact.Contact;
import dk.hotline.core.contact.ContactAmendment;
import dk.hotline.core.contact.ContactPatch;
import dk.hotline.core.contact.ContactService;
import dk.hotline.core.delivery.ReferralStatus;
import dk.hotline.core.delivery.ReferralStatuses;
import dk.hotline.core.contact.domain.ContactStatus;
import dk.hotline.core.presence.AdapterPresence;
import dk.hotline.core.presence.PresenceService;
import dk.hotline.core.presence.QueueState;
import dk.hotline.contracts.vocabulary.PauseReason;
import dk.hotline.platform.problem.Problem;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.core.referral.Referral;
import dk.hotline.core.referral.ReferralRequest;
import dk.hotline.core.referral.ReferralService;
import dk.hotline.core.screen.Msg;
import dk.hotline.core.screen.PresenceMsg;
import dk.hotline.core.screen.Viewer;
import dk.hotline.core.screen.Viewers;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The advisor console (docs/advice-and-referrals.md): the page an advisor keeps open through a shift, the call
 * that pops up by itself, and the advice log form. Pages work as plain forms; htmx enhances them (autosave,
 * screen-pop over SSE). Every read and change goes through {@link ContactService}, audited as over the API.
 */
@Cancellable(false)
@Path("/konsol")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("advisor")
public class ConsolePage {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(COPENHAGEN);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M.yyyy 'kl.' HH:mm").withZone(COPENHAGEN);
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);
    private static final String HX_REQUEST = "HX-Request";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance console(Viewer me, List<OpenDraft> drafts, PresencePanel presence);

        static native TemplateInstance contact(Viewer me, Contact contact, CallPanel call, LogForm form, Referral referral,
                                               List<ContactAmendment> amendments, String savedAt, String finalisedAt, String localKey,
                                               List<StatusLine> statuses, TransferPanel transferBox);

        static native TemplateInstance contact$panel(Viewer me, Contact contact, CallPanel call, LogForm form, Referral referral,
                                                     List<ContactAmendment> amendments, String savedAt, String finalisedAt, String localKey,
                                               List<StatusLine> statuses, TransferPanel transferBox);

        static native TemplateInstance contact$transfer(Contact contact, TransferPanel transferBox);

        static native TemplateInstance saved(String savedAt, long version);

        static native TemplateInstance stale();

        static native TemplateInstance notSaved(LogForm form);

        static native TemplateInstance preview(RoutingPreviews.Preview preview, boolean incomplete, boolean acute);
    }

    private final Viewers viewers;
    private final ContactService contacts;
    private final ReferralService referrals;
    private final AdvisorNotices notices;
    private final FieldErrorWording fieldErrorWording;
    private final Msg msg;
    private final Validator validator;
    private final LocalCopyKeys localKeys;
    private final ReferralStatuses statuses;
    private final RoutingPreviews previews;
    private final io.quarkus.security.identity.SecurityIdentity identity;
    private final StatusTexts statusTexts;
    private final PresenceService presence;
    private final PresenceMsg presenceMsg;
    private final ConsoleTransfers transfers;

    public ConsolePage(Viewers viewers, ContactService contacts, ReferralService referrals, AdvisorNotices notices,
                       FieldErrorWording fieldErrorWording, Msg msg, Validator validator, LocalCopyKeys localKeys,
                       ReferralStatuses statuses, StatusTexts statusTexts, RoutingPreviews previews,
                       io.quarkus.security.identity.SecurityIdentity identity, PresenceService presence,
                       PresenceMsg presenceMsg, ConsoleTransfers transfers) {
        this.viewers = viewers;
        this.contacts = contacts;
        this.referrals = referrals;
        this.notices = notices;
        this.fieldErrorWording = fieldErrorWording;
        this.msg = msg;
        this.validator = validator;
        this.localKeys = localKeys;
        this.statuses = statuses;
        this.previews = previews;
        this.identity = identity;
        this.presenceMsg = presenceMsg;
        this.statusTexts = statusTexts;
        this.presence = presence;
        this.transfers = transfers;
    }

    @GET
    @Operation(hidden = true)
    public Uni<TemplateInstance> console() {
        return console(viewers.current(), null, null);
    }

    private Uni<TemplateInstance> console(Viewer me, String error, String reasonError) {
        String endpoint = me.staff().endpoint() == null ? "" : me.staff().endpoint();
        Uni<AdapterPresence.Presence> current = endpoint.isEmpty() ? Uni.createFrom().nullItem()
                : Uni.createFrom().deferred(() -> presence.current(me.staff(), endpoint)).onFailure().recoverWithNull();
        // Core's own data first, then the adapter (Hibernate Reactive keeps to the context it was called on).
        return contacts.openDraftsOf(endpoint).flatMap(drafts -> current.map(p ->
                Templates.console(me, drafts.stream().map(d -> new OpenDraft(d.id, WHEN.format(d.createdAt))).toList(),
                        PresencePanel.of(p, presenceMsg, error, reasonError))));
    }

    /**
     * The advisor signs their own phone in or out of their site's queue, pauses it with a reason or resumes (plain
     * form, back to the console). A pause without a reason: 422 with the message beside the field, nothing changed.
     */
    @POST
    @Path("koe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> queuePresence(MultivaluedMap<String, String> fields) {
        Viewer me = viewers.current();
        QueueState state = Arrays.stream(QueueState.values()).filter(s -> s.name().equals(fields.getFirst("state")))
                .findFirst().orElse(null);
        String reasonCode = fields.getFirst("reason");
        PauseReason reason = state == QueueState.PAUSED ? PauseReason.ofCode(reasonCode).orElse(null) : null;
        if (state == null || (state == QueueState.PAUSED && reason == null)) {
            return console(me, null, presenceMsg.presence_err_reason())
                    .map(t -> Response.status(422).entity(t).type(MediaType.TEXT_HTML_TYPE).build());
        }
        return presence.change(identity, me.staff(), me.staff().endpoint(), state, reason, null)
                .map(p -> Response.seeOther(URI.create("/konsol")).build())
                .onFailure(e -> e instanceof ProblemException p && p.status() == 503)
                .recoverWithUni(e -> console(me, presenceMsg.presence_err_unavailable(), null)
                        .map(t -> Response.status(503).entity(t).type(MediaType.TEXT_HTML_TYPE).build()));
    }

    /** A draft still open on the advisor's phone, as the console lists it: where to open it and when it began. */
    public record OpenDraft(UUID id, String when) {
    }

    /**
     * The screen-pop: for each draft opened for a call connected to this advisor's phone, a one-line fragment
     * that loads the draft into the workspace. Only live connects pop; the drafts already open are listed on
     * the page (a reconnect of the stream never replaces what the advisor is typing).
     */
    @GET
    @Path("haendelser")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Multi<OutboundSseEvent> events(@Context Sse sse) {
        String endpoint = viewers.current().staff().endpoint();
        if (endpoint == null || endpoint.isBlank()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "The advisor token has no endpoint claim", List.of());
        }
        Multi<OutboundSseEvent> pops = notices.forEndpoint(endpoint)
                .filter(n -> "DRAFT_OPEN".equals(n.type()) && n.contactId() != null)
                .map(n -> sse.newEventBuilder().name("opkald").id(n.contactId().toString()).data(popFragment(n)).build());
        // The call this advisor handed on reached a colleague: the draft, if still on screen, turns read-only.
        Multi<OutboundSseEvent> handedOn = notices.forEndpoint(endpoint)
                .filter(n -> "DRAFT_HANDED_ON".equals(n.type()) && n.contactId() != null)
                .map(n -> sse.newEventBuilder().name("viderestillet").data(handedOnFragment(n)).build());
        Multi<OutboundSseEvent> heartbeat = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(t -> sse.newEventBuilder().name("hjerteslag").data("").build());
        return Multi.createBy().merging().streams(pops, handedOn, heartbeat);
    }

    /**
     * Marks the draft handed on; console.js reloads it in place (read-only now) when it is the one on screen, and leaves
     * any other work on screen alone (htmx's own filters need eval, which the console does not allow).
     */
    static String handedOnFragment(AdvisorNotice n) {
        return "<div data-handed-on=\"" + n.contactId() + "\"></div>";
    }

    static String popFragment(AdvisorNotice n) {
        String url = "/konsol/henvendelser/" + n.contactId();
        return "<div data-contact=\"" + n.contactId() + "\" hx-get=\"" + url + "\" hx-trigger=\"load\" hx-target=\"#workspace\" "
                + "hx-swap=\"innerHTML\" hx-push-url=\"" + url + "\"></div>";
    }

    @GET
    @Path("henvendelser/{id}")
    @Operation(hidden = true)
    public Uni<TemplateInstance> contact(@PathParam("id") UUID id, @HeaderParam(HX_REQUEST) String htmx) {
        Viewer me = viewers.current();
        return contacts.visible(id, me.staff())
                .flatMap(c -> page(me, c, LogForm.of(c), htmx != null));
    }

    /** Autosave (htmx, answers the "Gemt kl." status) and "Gem kladde" without JavaScript (back to the page). */
    @POST
    @Path("henvendelser/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> save(@PathParam("id") UUID id, MultivaluedMap<String, String> fields, @HeaderParam(HX_REQUEST) String htmx) {
        Viewer me = viewers.current();
        LogForm form = LogForm.of(fields);
        ContactPatch patch = form.patch(fieldErrorWording);
        Long version = form.expectedVersion();
        if (form.hasErrors()) {
            return htmx != null ? Uni.createFrom().item(Response.status(422).entity(Templates.notSaved(form)).build())
                    : invalid(me, id, form, false);
        }
        return contacts.patch(id, me.staff(), patch, version)
                .map(c -> htmx != null
                        ? Response.ok(Templates.saved(TIME.format(c.updatedAt), c.version)).build()
                        : Response.seeOther(URI.create("/konsol/henvendelser/" + id)).build())
                .onFailure(ProblemException.class).recoverWithUni(e -> failed(me, id, form, (ProblemException) e, htmx != null));
    }

    /** Finalise, and hand on in the same transaction when the outcome says so. */
    @POST
    @Path("henvendelser/{id}/afslut")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> finalise(@PathParam("id") UUID id, MultivaluedMap<String, String> fields) {
        Viewer me = viewers.current();
        LogForm form = LogForm.of(fields);
        ContactPatch patch = form.patch(fieldErrorWording);
        Long version = form.expectedVersion();
        ReferralRequest referral = form.referral(fieldErrorWording);
        if (referral != null) {
            List<Problem.FieldError> invalid = new ArrayList<>();
            for (ConstraintViolation<ReferralRequest> v : validator.validate(referral)) {
                String field = v.getPropertyPath().toString();
                if (!Set.of("severity", "legalBasis", "description").contains(field)) {
                    invalid.add(new Problem.FieldError(field, v.getMessage()));
                }
            }
            form.problems(invalid, fieldErrorWording);
        }
        if (form.hasErrors()) {
            return invalid(me, id, form, false);
        }
        StaffMember staff = me.staff();
        return contacts.patch(id, staff, patch, version)
                        .flatMap(c -> contacts.finalise(id, staff, referral, "console:" + id))
                .map(f -> Response.seeOther(URI.create("/konsol/henvendelser/" + id)).build())
                .onFailure(ProblemException.class).recoverWithUni(e -> failed(me, id, form, (ProblemException) e, false));
    }

    /**
     * Where the referral would go and by when, as routing resolves it (htmx, beside the referral fields). Sends
     * routing only the line, severity, municipality, age band and the advisor's site.
     */
    @POST
    @Path("henvendelser/{id}/modtager")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<TemplateInstance> recipient(@PathParam("id") UUID id, MultivaluedMap<String, String> fields) {
        Viewer me = viewers.current();
        String severity = fields.getFirst("severity");
        String municipality = fields.getFirst("municipalityCode");
        String line = fields.getFirst("line");
        boolean acute = "ACUTE".equals(severity);
        boolean copenhagenLine = "COPENHAGEN_LOCAL".equals(line);
        if (severity == null || severity.isBlank() || ((municipality == null || municipality.isBlank()) && !copenhagenLine)
                || me.staff().site() == null) {
            return Uni.createFrom().item(Templates.preview(null, true, acute));
        }
        return previews.preview(identity, line == null || line.isBlank() ? "NATIONAL" : line, severity, municipality,
                        fields.getFirst("ageBand"), me.staff().site().name())
                .map(p -> Templates.preview(p.orElse(null), false, acute));
    }

    /** A call without content, finalised in one click: only its outcome is recorded. */
    @POST
    @Path("henvendelser/{id}/uden-indhold")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> withoutContent(@PathParam("id") UUID id, MultivaluedMap<String, String> fields) {
        Viewer me = viewers.current();
        LogForm form = LogForm.of(fields);
        String chosen = fields.getFirst("contentless");
        boolean known = chosen != null && Terms.contentlessOutcomes.stream().anyMatch(t -> t.code().equals(chosen));
        if (!known) {
            form.errors.put("outcome", fieldErrorWording.invalidChoice("outcome"));
            return invalid(me, id, form, false);
        }
        ContactPatch outcome = new ContactPatch(null, null, null, null, null, null, null,
                dk.hotline.core.advice.domain.Outcome.valueOf(chosen), null);
        StaffMember staff = me.staff();
        return contacts.patch(id, staff, outcome, form.expectedVersion())
                        .flatMap(c -> contacts.finalise(id, staff, null, null))
                .map(f -> Response.seeOther(URI.create("/konsol/henvendelser/" + id)).build())
                .onFailure(ProblemException.class).recoverWithUni(e -> failed(me, id, form, (ProblemException) e, false));
    }

    /** A correction of a finalised log, with its reason. */
    @POST
    @Path("henvendelser/{id}/rettelse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> amend(@PathParam("id") UUID id, MultivaluedMap<String, String> fields) {
        Viewer me = viewers.current();
        LogForm form = LogForm.of(fields);
        ContactPatch patch = form.patch(fieldErrorWording);
        if (form.reason.isBlank()) {
            form.errors.put("reason", msg.err_required_reason());
        } else if (form.reason.length() > 500) {
            form.errors.put("reason", msg.err_too_long(msg.label_reason()));
        }
        if (form.hasErrors()) {
            return invalid(me, id, form, false);
        }
        return contacts.amend(id, me.staff(), form.reason.strip(), patch)
                .map(a -> Response.seeOther(URI.create("/konsol/henvendelser/" + id)).build())
                .onFailure(ProblemException.class).recoverWithUni(e -> failed(me, id, form, (ProblemException) e, false));
    }

    /**
     * "Viderestil opkaldet": hands the live call on with a note for the receiver (htmx swaps the box; without
     * JavaScript, back to the draft). Refused input, a call no longer connected or the telephony away: the box again
     * with the Danish message beside the field or above it, nothing done.
     */
    @POST
    @Path("henvendelser/{id}/viderestil")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> transfer(@PathParam("id") UUID id, MultivaluedMap<String, String> fields, @HeaderParam(HX_REQUEST) String htmx) {
        Viewer me = viewers.current();
        TransferPanel.Form form = transfers.form(fields);
        return contacts.visible(id, me.staff()).flatMap(c -> transfers.request(me, c, form)
                .flatMap(status -> {
                    if (status == 303 && htmx == null) {
                        return Uni.createFrom().item(Response.seeOther(URI.create("/konsol/henvendelser/" + id)).build());
                    }
                    int answer = status == 303 ? 200 : status;
                    return contacts.callOf(c).flatMap(call -> transfers.panel(me, c, call, form))
                            .flatMap(panel -> htmx != null
                                    ? Uni.createFrom().item(Templates.contact$transfer(c, panel))
                                    : page(me, c, LogForm.of(c), false, form))
                            .map(t -> Response.status(answer).entity(t).type(MediaType.TEXT_HTML_TYPE).build());
                }));
    }

    // ---- rendering ----

    private Uni<TemplateInstance> page(Viewer me, Contact c, LogForm form, boolean fragment) {
        return page(me, c, form, fragment, TransferPanel.Form.empty());
    }

    private Uni<TemplateInstance> page(Viewer me, Contact c, LogForm form, boolean fragment, TransferPanel.Form transferForm) {
        return contacts.callOf(c).flatMap(call -> contacts.earlierContactsOfCaller(call).flatMap(earlier ->
                referrals.ofContact(c.id).flatMap(referral -> contacts.amendments(c.id).flatMap(amendments ->
                        transfers.panel(me, c, call, transferForm).flatMap(transfer ->
                        (referral == null ? Uni.createFrom().item(List.<ReferralStatus>of()) : statuses.of(referral.id)).map(history -> {
                    CallPanel panel = panel(me, c, call, earlier);
                    String savedAt = TIME.format(c.updatedAt);
                    String finalisedAt = c.finalisedAt == null ? null : TIME.format(c.finalisedAt);
                    String key = localKeys.keyFor(me, c.id);
                    List<StatusLine> lines = history.stream().map(this::line).toList();
                    return fragment
                            ? Templates.contact$panel(me, c, panel, form, referral, amendments, savedAt, finalisedAt, key, lines, transfer)
                            : Templates.contact(me, c, panel, form, referral, amendments, savedAt, finalisedAt, key, lines, transfer);
                }))))));
    }

    private StatusLine line(ReferralStatus s) {
        return new StatusLine(s.status, statusTexts.label(s.status), WHEN.format(s.occurredAt), s.recipientName,
                statusTexts.detail(s.outcome, s.getReason()), s.deadlineAt == null ? null : WHEN.format(s.deadlineAt));
    }

    private CallPanel panel(Viewer me, Contact c, CallRecord call, List<Contact> earlier) {
        String line = c.line == null ? null : switch (c.line) {
            case NATIONAL -> msg.line_NATIONAL();
            case COPENHAGEN_LOCAL -> msg.line_COPENHAGEN_LOCAL();
        };
        String site = switch (c.site) {
            case AARHUS -> msg.site_AARHUS();
            case COPENHAGEN -> msg.site_COPENHAGEN();
        };
        List<CallPanel.Earlier> shown = earlier.stream()
                .map(e -> new CallPanel.Earlier(me.staff().maySee(e.site) ? e.id : null, WHEN.format(e.createdAt),
                        e.outcome == null ? msg.contact_draft() : e.outcome.da()))
                .toList();
        return new CallPanel(call != null, line, site, call == null ? null : call.waitSeconds,
                call != null && Boolean.TRUE.equals(call.routedDegraded), earlier.size(), shown);
    }

    /** The form again with the advisor's own values and the Danish messages (422; 409 when stale). */
    private Uni<Response> failed(Viewer me, UUID id, LogForm form, ProblemException e, boolean fragment) {
        if (e.status() == 404 || e.status() == 403) {
            return Uni.createFrom().failure(e);
        }
        boolean stale = e.status() == 409 && "stale-version".equals(slug(e));
        if (stale && fragment) {
            return Uni.createFrom().item(Response.status(409).entity(Templates.stale()).build());
        }
        if (fragment) {
            form.problems(e.toProblem().errors() == null ? List.of() : e.toProblem().errors(), fieldErrorWording);
            return Uni.createFrom().item(Response.status(e.status()).entity(Templates.notSaved(form)).build());
        }
        if (stale) {
            form.errors.put("version", msg.stale_text());
        } else if (e.status() == 409) {
            form.errors.put("status", e.getMessage());
        } else {
            form.problems(e.toProblem().errors() == null ? List.of() : e.toProblem().errors(), fieldErrorWording);
        }
        return invalid(me, id, form, fragment, e.status() == 409 ? 409 : 422);
    }

    private Uni<Response> invalid(Viewer me, UUID id, LogForm form, boolean fragment) {
        return invalid(me, id, form, fragment, 422);
    }

    private Uni<Response> invalid(Viewer me, UUID id, LogForm form, boolean fragment, int status) {
        form.problems(List.of(), fieldErrorWording);
        return contacts.visible(id, me.staff())
                .flatMap(c -> {
                    if (!form.has("version")) {
                        form.version = Long.toString(c.version);
                    }
                    return page(me, c, form, fragment);
                })
                .map(t -> Response.status(status).entity(t).type(MediaType.TEXT_HTML_TYPE).build());
    }

    private static String slug(ProblemException e) {
        String type = e.toProblem().type();
        return type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
    }
}
