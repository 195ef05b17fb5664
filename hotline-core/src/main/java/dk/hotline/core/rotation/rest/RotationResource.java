package dk.hotline.core.rotation.rest;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.core.rotation.RotationChange;
import dk.hotline.core.rotation.RotationService;
import dk.hotline.core.rotation.ScheduleEvent;
import dk.hotline.core.rotation.SchedulePublisher;
import dk.hotline.core.rotation.domain.ClosureDate;
import dk.hotline.core.rotation.domain.ClosureSettings;
import dk.hotline.core.rotation.domain.DutyPattern;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.core.rotation.domain.MonthAssignment;
import dk.hotline.core.rotation.domain.OpeningInterval;
import dk.hotline.core.rotation.domain.OverrideWindow;
import dk.hotline.core.rotation.domain.ReducedDayRule;
import dk.hotline.core.rotation.domain.Rotation;
import dk.hotline.core.rotation.domain.RotationSchedule;
import dk.hotline.core.rotation.domain.WeeklyHours;
import dk.hotline.core.rotation.rest.RotationCommands.AddClosure;
import dk.hotline.core.rotation.rest.RotationCommands.AddOverride;
import dk.hotline.core.rotation.rest.RotationCommands.AssignMonth;
import dk.hotline.core.rotation.rest.RotationCommands.SetClosureSettings;
import dk.hotline.core.rotation.rest.RotationCommands.SetHours;
import dk.hotline.core.rotation.rest.RotationCommands.SetPattern;
import dk.hotline.core.rotation.rest.RotationViews.Calendar;
import dk.hotline.core.rotation.rest.RotationViews.DryRun;
import dk.hotline.core.rotation.rest.RotationViews.OnDuty;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The duty rotation: who is on duty and whether the line is open, and the
 * admin's edits. Every write names the version it edits (If-Match) and can be
 * tried first with {@code ?dryRun=true}, which answers what the schedule would
 * say without saving it.
 */
@Cancellable(false)
@Path("/api/rotation")
@Tag(name = "Rotation")
public class RotationResource {


    private final RotationService rotation;
    private final SchedulePublisher publisher;
    private final SecurityIdentity identity;
    private final Clock clock;

    public RotationResource(RotationService rotation, SchedulePublisher publisher, SecurityIdentity identity, Clock clock) {
        this.rotation = rotation;
        this.publisher = publisher;
        this.identity = identity;
        this.clock = clock;
    }

    // ---- reads ------------------------------------------------------------------------------

    @GET
    @Path("/on-duty")
    @RolesAllowed({"advisor", "rotation-admin", "supervisor", "recipient", "service"})
    @Operation(summary = "Which site is on duty on a line at an instant (default now), whether the line is open, why, and when that next changes")
    public Uni<OnDuty> onDuty(@QueryParam("line") String line, @QueryParam("at") String at) {
        Line l = RotationParameters.requiredEnum("line", line, Line.class);
        Instant instant = RotationParameters.instant("at", at, clock.instant());
        return rotation.current().map(s -> OnDuty.of(new Rotation(s, clock).onDuty(l, instant), s.version()));
    }

    @GET
    @Path("/calendar")
    @RolesAllowed({"advisor", "rotation-admin", "supervisor", "recipient", "service"})
    @Operation(summary = "Per day from..to (inclusive): the site on duty and the open hours")
    public Uni<Calendar> calendar(@QueryParam("line") String line, @QueryParam("from") String from, @QueryParam("to") String to) {
        Line l = RotationParameters.requiredEnum("line", line, Line.class);
        LocalDate f = RotationParameters.date("from", from);
        LocalDate t = RotationParameters.date("to", to);
        return rotation.current().map(s -> new Calendar(l, f, t, s.version(), new Rotation(s, clock).calendar(l, f, t)));
    }

    @GET
    @Path("/schedule/{line}")
    @RolesAllowed({"rotation-admin", "supervisor", "service"})
    @Operation(summary = "The effective schedule of a line as segments: what the telephony adapter keeps as its replica")
    public Uni<ScheduleEvent> schedule(@PathParam("line") String line) {
        Line l = RotationParameters.requiredEnum("line", line, Line.class);
        return rotation.current().map(s -> publisher.eventFor(s, l));
    }

    @GET
    @RolesAllowed({"rotation-admin", "supervisor", "advisor"})
    @Operation(summary = "The rotation as configured; its ETag is the version to send as If-Match when changing it")
    public Uni<Response> configuration() {
        return rotation.current().map(s -> Response.ok(s).tag(etag(s)).build());
    }

    @GET
    @Path("/changes")
    @RolesAllowed({"rotation-admin", "supervisor"})
    @Operation(summary = "The latest changes: who, when, what, before and after")
    public Uni<List<RotationChange>> changes(@QueryParam("limit") String limit) {
        return rotation.changes(RotationParameters.intInRange("limit", limit, 50, 1, 500));
    }

    // ---- writes -----------------------------------------------------------------------------

    @PUT
    @Path("/pattern")
    @RolesAllowed("rotation-admin")
    @Operation(summary = "Anchor the alternation: the given month is the given site, and months alternate from there")
    public Uni<Response> setPattern(@NotNull @Valid SetPattern command, @HeaderParam("If-Match") String ifMatch,
                                    @QueryParam("dryRun") boolean dryRun, @QueryParam("at") String at) {
        return write(ifMatch, dryRun, at, command.anchorMonth().atDay(1),
                "pattern anchored: " + command.anchorMonth() + " is " + command.anchorSite(),
                s -> s.withPattern(new DutyPattern(command.anchorMonth(), command.anchorSite())));
    }

    @PUT
    @Path("/months/{month}")
    @RolesAllowed("rotation-admin")
    @Operation(summary = "Assign one whole month to a site, whatever the alternation says")
    public Uni<Response> assignMonth(@PathParam("month") String month, @NotNull @Valid AssignMonth command,
                                     @HeaderParam("If-Match") String ifMatch, @QueryParam("dryRun") boolean dryRun,
                                     @QueryParam("at") String at) {
        YearMonth m = RotationParameters.month("month", month);
        return write(ifMatch, dryRun, at, m.atDay(1), "month " + m + " assigned to " + command.site(), s -> {
            List<MonthAssignment> assignments = new ArrayList<>(s.monthAssignments());
            assignments.removeIf(a -> a.month().equals(m));
            assignments.add(new MonthAssignment(m, command.site(), command.reason()));
            return s.withMonthAssignments(assignments);
        });
    }

    @DELETE
    @Path("/months/{month}")
    @RolesAllowed("rotation-admin")
    @Operation(summary = "Remove a month's assignment: the alternation decides that month again")
    public Uni<Response> unassignMonth(@PathParam("month") String month, @HeaderParam("If-Match") String ifMatch,
                                       @QueryParam("dryRun") boolean dryRun, @QueryParam("at") String at) {
        YearMonth m = RotationParameters.month("month", month);
        return write(ifMatch, dryRun, at, m.atDay(1), "month " + m + " assignment removed",
                s -> s.withMonthAssignments(without(s.monthAssignments(), a -> a.month().equals(m), "month assignment " + m)));
    }

    @POST
    @Path("/overrides")
    @RolesAllowed("rotation-admin")
    @Operation(summary = "Add an override window [from, to) in which a site covers the national line")
    public Uni<Response> addOverride(@NotNull @Valid AddOverride command, @HeaderParam("If-Match") String ifMatch,
                                     @QueryParam("dryRun") boolean dryRun, @QueryParam("at") String at) {
        OverrideWindow window = new OverrideWindow(UUID.randomUUID(), command.from().toInstant(), command.to().toInstant(),
                command.site(), command.reason());
        LocalDate focus = Rotation.localDate(window.from());
        return write(ifMatch, dryRun, at, focus, "override added: " + window.from() + " to " + window.to() + " is " + window.site(), s -> {
            List<OverrideWindow> overrides = new ArrayList<>(s.overrides());
            overrides.add(window);
            return s.withOverrides(overrides);
        }).map(r -> r.getStatus() == 200 && !dryRun
                ? Response.fromResponse(r).status(201).location(URI.create("/api/rotation/overrides/" + window.id())).build()
                : r);
    }

    @DELETE
    @Path("/overrides/{id}")
    @RolesAllowed("rotation-admin")
    @Operation(summary = "Remove an override window")
    public Uni<Response> removeOverride(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                        @QueryParam("dryRun") boolean dryRun, @QueryParam("at") String at) {
        UUID uuid = RotationParameters.uuid("id", id);
        return write(ifMatch, dryRun, at, null, "override " + uuid + " removed",
                s -> s.withOverrides(without(s.overrides(), o -> o.id().equals(uuid), "override " + uuid)));
    }

    @PUT
    @Path("/opening-hours/{line}")
    @RolesAllowed("rotation-admin")
    @Operation(summary = "Set a line's opening hours per weekday (local time); a weekday left out is closed")
    public Uni<Response> setHours(@PathParam("line") String line, @NotNull @Valid SetHours command,
                                  @HeaderParam("If-Match") String ifMatch, @QueryParam("dryRun") boolean dryRun,
                                  @QueryParam("at") String at) {
        Line l = RotationParameters.requiredEnum("line", line, Line.class);
        Map<DayOfWeek, List<OpeningInterval>> days = new EnumMap<>(DayOfWeek.class);
        command.days().forEach((day, intervals) -> days.put(day,
                intervals.stream().map(i -> new OpeningInterval(i.opens(), i.closes())).toList()));
        return write(ifMatch, dryRun, at, null, "opening hours of " + l + " set", s -> s.withHours(l, new WeeklyHours(days)));
    }

    @PUT
    @Path("/closure-settings")
    @RolesAllowed("rotation-admin")
    @Operation(summary = "Whether public holidays close the lines, and what each reduced day (1 May, 5 June, 24 and 31 December) does")
    public Uni<Response> setClosureSettings(@NotNull @Valid SetClosureSettings command, @HeaderParam("If-Match") String ifMatch,
                                            @QueryParam("dryRun") boolean dryRun, @QueryParam("at") String at) {
        Map<dk.hotline.core.rotation.domain.ReducedDay, ReducedDayRule> rules = new LinkedHashMap<>();
        command.reducedDays().forEach((day, setting) -> rules.put(day, new ReducedDayRule(setting.mode(), setting.closesAt())));
        return write(ifMatch, dryRun, at, null, "closure settings changed",
                s -> s.withClosureSettings(new ClosureSettings(command.publicHolidaysClosed(), rules)));
    }

    @POST
    @Path("/closures")
    @RolesAllowed("rotation-admin")
    @Operation(summary = "Close a line (or both, when line is left out) for a whole local day")
    public Uni<Response> addClosure(@NotNull @Valid AddClosure command, @HeaderParam("If-Match") String ifMatch,
                                    @QueryParam("dryRun") boolean dryRun, @QueryParam("at") String at) {
        return write(ifMatch, dryRun, at, command.date(), "closure added on " + command.date(), s -> {
            List<ClosureDate> closures = new ArrayList<>(s.closureDates());
            closures.add(new ClosureDate(command.date(), command.line(), command.reason()));
            return s.withClosureDates(closures);
        });
    }

    @DELETE
    @Path("/closures/{date}")
    @RolesAllowed("rotation-admin")
    @Operation(summary = "Remove the closure of a day (for one line with ?line=, else for every closure on that day)")
    public Uni<Response> removeClosure(@PathParam("date") String date, @QueryParam("line") String line,
                                       @HeaderParam("If-Match") String ifMatch, @QueryParam("dryRun") boolean dryRun,
                                       @QueryParam("at") String at) {
        LocalDate d = RotationParameters.date("date", date);
        Line l = RotationParameters.optionalEnum("line", line, Line.class);
        return write(ifMatch, dryRun, at, d, "closure on " + d + " removed", s -> s.withClosureDates(without(s.closureDates(),
                c -> c.date().equals(d) && (l == null || c.line() == l), "closure on " + d)));
    }

    // ---- the one write path -------------------------------------------------------------------

    private Uni<Response> write(String ifMatch, boolean dryRun, String at, LocalDate focus, String description,
                                UnaryOperator<RotationSchedule> edit) {
        long version = RotationParameters.ifMatch(ifMatch);
        Instant when = RotationParameters.instant("at", at, clock.instant());
        if (dryRun) {
            return rotation.dryRun(edit).map(s -> Response.ok(preview(s, version, when, focus)).build());
        }
        return rotation.change(version, identity.getPrincipal().getName(), description, edit)
                .map(s -> Response.ok(s).tag(etag(s)).build());
    }

    private DryRun preview(RotationSchedule proposed, long basedOn, Instant at, LocalDate focus) {
        Rotation r = new Rotation(proposed, clock);
        List<OnDuty> answers = new ArrayList<>();
        for (Line line : Line.values()) {
            answers.add(OnDuty.of(r.onDuty(line, at), proposed.version()));
        }
        LocalDate month = (focus != null ? focus : Rotation.localDate(at)).withDayOfMonth(1);
        LocalDate last = month.plusMonths(1).minusDays(1);
        return new DryRun(false, basedOn, proposed, answers,
                new Calendar(Line.NATIONAL, month, last, proposed.version(), r.calendar(Line.NATIONAL, month, last)));
    }

    private static <T> List<T> without(List<T> items, Predicate<T> match, String what) {
        List<T> kept = items.stream().filter(match.negate()).toList();
        if (kept.size() == items.size()) {
            throw ProblemException.notFound(what);
        }
        return kept;
    }

    private static EntityTag etag(RotationSchedule schedule) {
        return new EntityTag(Long.toString(schedule.version()));
    }
}
