package dk.hotline.routing.screen;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.routing.common.CallerOrganisation;
import dk.hotline.routing.common.RoutingConfig;
import dk.hotline.contracts.reference.Municipality;
import dk.hotline.routing.recipient.domain.Organisation;
import dk.hotline.routing.recipient.domain.RecipientDirectory;
import dk.hotline.contracts.reference.ReferenceCatalog;
import dk.hotline.contracts.rules.Deadlines;
import dk.hotline.contracts.vocabulary.Severity;
import dk.hotline.routing.referral.InboxItem;
import dk.hotline.routing.referral.InboxService;
import dk.hotline.routing.referral.ReferralView;
import dk.hotline.routing.referral.domain.ActionConflictException;
import dk.hotline.routing.referral.domain.DeadlinePolicy;
import dk.hotline.routing.referral.domain.InboxBucket;
import dk.hotline.routing.referral.domain.Progress;
import dk.hotline.routing.referral.domain.RecipientAction;
import dk.hotline.routing.referral.domain.RecipientOutcome;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recipient's pages: the inbox of their organisation and one referral with its actions. Scoped exactly as the
 * inbox API (the same {@link InboxService}): another organisation's referral is not found. Every action is a plain
 * form post answered with a redirect (or the page again with the Danish messages), audited and published by the
 * service.
 */
@Cancellable(false)
@Path("/indbakke")
@RolesAllowed("recipient")
@Produces(MediaType.TEXT_HTML)
public class InboxPage {

    /** One line of the inbox page. */
    public record Row(String referralId, boolean copy, String bucket, String bucketLabel, String received,
                      String deadline, String deadlineIso, String severity, String municipality, String state) {
    }

    /** A sortable column's header: its link and whether the list is sorted by it now. */
    public record Column(String label, String href, boolean sorted) {
    }

    /** A choice of the filter. */
    public record Choice(String value, String label, boolean selected) {
    }

    /** What the referral page shows besides the referral itself. */
    public record Details(String received, String deadline, String deadlineIso, String deadlineRule, String municipality,
                          String forwardedFrom, String forwardReason, String outcome, String outcomeNote,
                          boolean mayAcknowledge, boolean mayDecide, boolean mayForward, boolean mayRecordOutcome,
                          boolean overdue) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Viewer me, int open, List<Row> rows, List<Choice> filters, Column byDeadline,
                                             Column byReceived, Column bySeverity, String show, String sort, String notice);

        static native TemplateInstance referral(Viewer me, ReferralView r, Details d, Labels labels,
                                                List<Organisation> targets, List<Choice> outcomes,
                                                Map<String, String> form, Map<String, String> errors);
    }

    private static final Map<String, InboxBucket> BUCKETS = Map.of("overskredet", InboxBucket.OVERDUE,
            "snart", InboxBucket.DUE_SOON, "ny", InboxBucket.NEW, "kvitteret", InboxBucket.ACKNOWLEDGED,
            "visiteret", InboxBucket.ACCEPTED, "lukket", InboxBucket.CLOSED);
    private static final List<String> SHOWN = List.of("aabne", "overskredet", "snart", "ny", "kvitteret", "visiteret", "lukket", "alle");
    private static final int MAX_TEXT = 2000;

    private final InboxService inbox;
    private final CallerOrganisation caller;
    private final Viewers viewers;
    private final Msg msg;
    private final Labels labels;
    private final RecipientDirectory directory;
    private final ReferenceCatalog reference;
    private final DeadlinePolicy deadlines;
    private final Duration dueSoon;

    public InboxPage(InboxService inbox, CallerOrganisation caller, Viewers viewers, Msg msg, Labels labels,
                     RecipientDirectory directory, ReferenceCatalog reference, DeadlinePolicy deadlines, RoutingConfig config) {
        this.inbox = inbox;
        this.caller = caller;
        this.viewers = viewers;
        this.msg = msg;
        this.labels = labels;
        this.directory = directory;
        this.reference = reference;
        this.deadlines = deadlines;
        this.dueSoon = config.deadline().dueSoon();
    }

    @GET
    @Operation(hidden = true)
    public Uni<TemplateInstance> list(@QueryParam("vis") String show, @QueryParam("sorter") String sort,
                                      @QueryParam("videresendt") String forwardedTo) {
        String org = caller.require();
        String shown = show != null && SHOWN.contains(show) ? show : "aabne";
        String sortedBy = "modtaget".equals(sort) || "alvor".equals(sort) ? sort : "frist";
        Instant now = deadlines.now();
        String notice = forwardedTo == null ? null
                : directory.find(forwardedTo).map(o -> msg.done_forwarded(o.name())).orElse(null);
        return inbox.list(org, InboxService.Filter.ALL, 1000).map(items -> {
            List<Row> all = items.stream().sorted(order(sortedBy)).map(i -> row(i, now)).toList();
            int open = (int) all.stream().filter(r -> InboxBucket.valueOf(r.bucket()).open()).count();
            List<Row> rows = all.stream().filter(r -> matches(r, shown)).toList();
            List<Choice> filters = SHOWN.stream().map(v -> new Choice(v, filterLabel(v), v.equals(shown))).toList();
            return Templates.inbox(viewers.current(), open, rows, filters, column(msg.col_deadline(), "frist", shown, sortedBy),
                    column(msg.col_received(), "modtaget", shown, sortedBy), column(msg.col_severity(), "alvor", shown, sortedBy),
                    shown, sortedBy, notice);
        });
    }

    @GET
    @Path("/{referralId}")
    @Operation(hidden = true)
    public Uni<TemplateInstance> show(@PathParam("referralId") String referralId) {
        return inbox.read(caller.require(), referralId).map(r -> page(r, Map.of(), Map.of()));
    }

    @POST
    @Path("/{referralId}/kvitter")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> acknowledge(@PathParam("referralId") String referralId) {
        return done(referralId, inbox.act(caller.require(), referralId, RecipientAction.ACKNOWLEDGE, null), Map.of());
    }

    @POST
    @Path("/{referralId}/visiter")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> accept(@PathParam("referralId") String referralId) {
        return done(referralId, inbox.act(caller.require(), referralId, RecipientAction.ACCEPT, null), Map.of());
    }

    @POST
    @Path("/{referralId}/afvis")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> reject(@PathParam("referralId") String referralId, MultivaluedMap<String, String> form) {
        Map<String, String> values = values(form, "rejectReason");
        Map<String, String> errors = new LinkedHashMap<>();
        text(values, "rejectReason", true, errors);
        if (!errors.isEmpty()) {
            return invalid(referralId, values, errors);
        }
        return done(referralId, inbox.act(caller.require(), referralId, RecipientAction.REJECT, values.get("rejectReason")), values);
    }

    @POST
    @Path("/{referralId}/videresend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> forward(@PathParam("referralId") String referralId, MultivaluedMap<String, String> form) {
        String org = caller.require();
        Map<String, String> values = values(form, "organisationId", "forwardReason");
        Map<String, String> errors = new LinkedHashMap<>();
        String target = values.get("organisationId");
        if (target.isEmpty() || directory.find(target).isEmpty()) {
            errors.put("organisationId", msg.err_target_required());
        } else if (target.equals(org)) {
            errors.put("organisationId", msg.err_target_self());
        }
        text(values, "forwardReason", true, errors);
        if (!errors.isEmpty()) {
            return invalid(referralId, values, errors);
        }
        return inbox.forward(org, referralId, target, values.get("forwardReason"))
                .map(r -> Response.seeOther(URI.create("/indbakke?videresendt=" + URLEncoder.encode(target, StandardCharsets.UTF_8))).build())
                .onFailure(ActionConflictException.class).recoverWithUni(e -> conflict(referralId));
    }

    @POST
    @Path("/{referralId}/udfald")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> outcome(@PathParam("referralId") String referralId, MultivaluedMap<String, String> form) {
        Map<String, String> values = values(form, "outcome", "outcomeNote");
        Map<String, String> errors = new LinkedHashMap<>();
        RecipientOutcome outcome = outcome(values.get("outcome"));
        if (outcome == null) {
            errors.put("outcome", msg.err_outcome_required());
        }
        text(values, "outcomeNote", false, errors);
        if (!errors.isEmpty()) {
            return invalid(referralId, values, errors);
        }
        String note = values.get("outcomeNote").isEmpty() ? null : values.get("outcomeNote");
        return done(referralId, inbox.recordOutcome(caller.require(), referralId, outcome, note), values);
    }

    private Uni<Response> done(String referralId, Uni<ReferralView> action, Map<String, String> values) {
        return action.map(r -> Response.seeOther(URI.create("/indbakke/" + referralId)).build())
                .onFailure(ActionConflictException.class).recoverWithUni(e -> conflict(referralId))
                .onFailure(ProblemException.class).recoverWithUni(e -> {
                    ProblemException p = (ProblemException) e;
                    return p.status() == 409 ? conflict(referralId) : Uni.createFrom().failure(e);
                });
    }

    private Uni<Response> conflict(String referralId) {
        return inbox.read(caller.require(), referralId)
                .map(r -> Response.status(409).entity(page(r, Map.of(), Map.of("action", msg.err_conflict()))).build());
    }

    private Uni<Response> invalid(String referralId, Map<String, String> values, Map<String, String> errors) {
        return inbox.read(caller.require(), referralId)
                .map(r -> Response.status(422).entity(page(r, values, errors)).build());
    }

    private TemplateInstance page(ReferralView r, Map<String, String> form, Map<String, String> errors) {
        Progress progress = Progress.valueOf(r.progress());
        boolean owner = ReferralView.RECIPIENT.equals(r.role());
        Severity severity = Severity.valueOf(r.severity());
        int hours = (int) Deadlines.allowance(severity).toHours();
        String rule = severity == Severity.ACUTE ? msg.ref_acute_rule()
                : r.forwardedFrom() != null ? msg.ref_deadline_rule_forwarded(labels.severity(severity), hours)
                : msg.ref_deadline_rule(labels.severity(severity), hours);
        Details d = new Details(Dates.shown(r.createdAt()), Dates.shown(r.deadlineAt()), r.deadlineAt().toString(), rule,
                municipality(r.municipalityCode(), r.createdAt()),
                r.forwardedFrom() == null ? null : directory.find(r.forwardedFrom()).map(Organisation::name).orElse(r.forwardedFrom()),
                r.forwardReason(), r.outcome() == null ? null : labels.outcome(r.outcome()), r.outcomeNote(),
                owner && !progress.acknowledged(), owner && !progress.decided(), owner && !progress.decided(),
                owner && (progress == Progress.ACCEPTED || progress == Progress.CLOSED),
                owner && !progress.acknowledged() && deadlines.now().isAfter(r.deadlineAt()));
        String own = caller.require();
        List<Organisation> targets = directory.all().stream().filter(o -> !o.id().equals(own)).toList();
        String chosen = form.getOrDefault("outcome", r.outcome() == null ? "" : r.outcome());
        List<Choice> outcomes = java.util.Arrays.stream(RecipientOutcome.values())
                .map(o -> new Choice(o.name(), labels.outcome(o), o.name().equals(chosen))).toList();
        return Templates.referral(viewers.current(), r, d, labels, targets, outcomes, form, errors);
    }

    private Row row(InboxItem i, Instant now) {
        boolean copy = ReferralView.COPY.equals(i.role());
        InboxBucket bucket = InboxBucket.of(copy, i.read(), Progress.valueOf(i.progress()), i.deadlineAt(), now, dueSoon);
        return new Row(i.referralId(), copy, bucket.name(), labels.bucket(bucket), Dates.shown(i.createdAt()),
                Dates.shown(i.deadlineAt()), i.deadlineAt().toString(), labels.severity(i.severity()),
                municipality(i.municipalityCode(), i.createdAt()), labels.progress(i.progress()));
    }

    private String municipality(String code, Instant at) {
        if (code == null) {
            return msg.unknown_municipality();
        }
        Optional<Municipality> m = reference.at(at).municipality(code.replaceFirst("^0+(?=\\d)", ""));
        return m.map(x -> x.name() + " (" + x.code() + ")").orElse(msg.unknown_municipality() + " (" + code + ")");
    }

    private static boolean matches(Row r, String shown) {
        return switch (shown) {
            case "alle" -> true;
            case "aabne" -> InboxBucket.valueOf(r.bucket()).open();
            default -> BUCKETS.get(shown).name().equals(r.bucket());
        };
    }

    private static Comparator<InboxItem> order(String sort) {
        Comparator<InboxItem> byDeadline = Comparator.comparing(InboxItem::deadlineAt).thenComparing(InboxItem::referralId);
        return switch (sort) {
            case "modtaget" -> Comparator.comparing(InboxItem::createdAt).reversed().thenComparing(InboxItem::referralId);
            case "alvor" -> Comparator.comparing((InboxItem i) -> Severity.valueOf(i.severity())).thenComparing(byDeadline);
            default -> byDeadline;
        };
    }

    private Column column(String label, String key, String shown, String sortedBy) {
        return new Column(label, "/indbakke?vis=" + shown + "&sorter=" + key, key.equals(sortedBy));
    }

    private String filterLabel(String value) {
        return switch (value) {
            case "aabne" -> msg.show_open();
            case "alle" -> msg.show_all();
            default -> labels.bucket(BUCKETS.get(value));
        };
    }

    private static RecipientOutcome outcome(String value) {
        try {
            return value == null || value.isEmpty() ? null : RecipientOutcome.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void text(Map<String, String> values, String field, boolean required, Map<String, String> errors) {
        String v = values.get(field);
        if (required && v.isEmpty()) {
            errors.put(field, msg.err_reason_required());
        } else if (v.length() > MAX_TEXT) {
            errors.put(field, msg.err_too_long());
        }
    }

    private static Map<String, String> values(MultivaluedMap<String, String> form, String... fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : fields) {
            String v = form == null ? null : form.getFirst(f);
            values.put(f, v == null ? "" : v.strip());
        }
        return values;
    }
}
