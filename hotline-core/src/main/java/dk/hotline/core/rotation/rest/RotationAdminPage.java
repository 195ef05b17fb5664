package dk.hotline.core.rotation.rest;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.platform.problem.Problem;
import dk.hotline.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import dk.hotline.core.rotation.RotationChange;
import dk.hotline.core.rotation.RotationService;
import dk.hotline.core.rotation.domain.DanishHolidays;
import dk.hotline.core.rotation.domain.DayPlan;
import dk.hotline.core.rotation.domain.DutyAnswer;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.core.rotation.domain.OverrideWindow;
import dk.hotline.core.rotation.domain.Rotation;
import dk.hotline.core.rotation.domain.RotationSchedule;
import dk.hotline.core.rotation.domain.RuleKind;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.rotation.feed.DutyCalendar;
import dk.hotline.core.screen.Msg;
import dk.hotline.core.screen.Viewer;
import dk.hotline.core.screen.Viewers;
import dk.hotline.core.statistics.domain.Months;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * "Vagtplan" for rotation admins: a year view of both lines (each month's site and handover instant, overrides,
 * closures, reduced days and Danish holidays), the opening hours, the change history (who, when, what), and the dry
 * run "hvem får et opkald kl. T?". Overrides of the national line are added (with a reason) and removed here, through
 * the same validated, versioned write as the JSON API; its field errors are shown beside the field. The rest of the
 * editing is on the JSON API (docs/rotation.md).
 */
@Cancellable(false)
@Path("/vagtplan")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"rotation-admin", "supervisor"})
public class RotationAdminPage {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm").withZone(Rotation.ZONE);

    /** One month of one line. */
    public record MonthRow(String month, String site, String handover, List<String> notes) {
    }

    /** One line's year. */
    public record LineYear(String line, List<MonthRow> months, List<String> hours) {
    }

    /** One entry of the change history. */
    public record ChangeRow(String when, String who, String what) {
    }

    /** The dry run's answer. */
    public record Answer(String at, String line, String site, boolean open, String nextChange) {
    }

    /** An override as listed, with the id its remove button posts. */
    public record OverrideRow(String id, String from, String to, String site, String reason) {
    }

    /** The add-override form: what was typed, the error beside each field, and one message for the whole form. */
    public record OverrideForm(long version, String from, String to, String site, String reason, Map<String, String> errors,
                               String summary) {
        static OverrideForm empty(long version) {
            return new OverrideForm(version, "", "", "", "", Map.of(), null);
        }

        public boolean hasErrors() {
            return !errors.isEmpty() || summary != null;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rotation(Viewer me, int year, List<LineYear> lines, List<ChangeRow> changes,
                                                String at, String line, Answer answer, String atError,
                                                List<OverrideRow> overrides, OverrideForm form, boolean canEdit);
    }

    private final RotationService rotation;
    private final Viewers viewers;
    private final Msg msg;
    private final Clock clock;
    private final SecurityIdentity identity;

    public RotationAdminPage(RotationService rotation, Viewers viewers, Msg msg, Clock clock, SecurityIdentity identity) {
        this.identity = identity;
        this.rotation = rotation;
        this.viewers = viewers;
        this.msg = msg;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public Uni<TemplateInstance> page(@QueryParam("aar") String yearParam, @QueryParam("tid") String at,
                                      @QueryParam("linje") String lineParam) {
        return render(yearParam, at, lineParam, null);
    }

    /** Adds an override of the national line; on a bad field the page comes back with the error beside it. */
    @POST
    @Path("undtagelser")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("rotation-admin")
    @Operation(hidden = true)
    public Uni<Object> addOverride(@FormParam("version") String version, @FormParam("fra") String from,
                                   @FormParam("til") String to, @FormParam("site") String site,
                                   @FormParam("begrundelse") String reason) {
        String f = trim(from);
        String t = trim(to);
        String s = trim(site);
        String r = trim(reason);
        long expected = parseVersion(version);
        Map<String, String> errors = new LinkedHashMap<>();
        Instant fromAt = localInstant(f, "fra", errors);
        Instant toAt = localInstant(t, "til", errors);
        Site chosen = null;
        try {
            chosen = s.isEmpty() ? null : Site.valueOf(s);
        } catch (IllegalArgumentException e) {
            chosen = null;
        }
        if (chosen == null) {
            errors.put("site", msg.rot_err_site());
        }
        if (r.isEmpty()) {
            errors.put("begrundelse", msg.rot_err_required());
        } else if (r.length() > RotationCommands.REASON_MAX) {
            errors.put("begrundelse", msg.rot_err_too_long());
        }
        int year = fromAt == null ? Rotation.localDate(clock.instant()).getYear() : Rotation.localDate(fromAt).getYear();
        if (!errors.isEmpty()) {
            return render(Integer.toString(year), null, null, new OverrideForm(expected, f, t, s, r, errors, null)).map(x -> x);
        }
        OverrideWindow window = new OverrideWindow(UUID.randomUUID(), fromAt, toAt, chosen, r);
        return write(expected, "override added: " + window.from() + " to " + window.to() + " is " + window.site(),
                sched -> {
                    List<OverrideWindow> overrides = new ArrayList<>(sched.overrides());
                    overrides.add(window);
                    return sched.withOverrides(overrides);
                }, year, new OverrideForm(expected, f, t, s, r, Map.of(), null));
    }

    /** Removes an override (the button beside it). */
    @POST
    @Path("undtagelser/{id}/fjern")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("rotation-admin")
    @Operation(hidden = true)
    public Uni<Object> removeOverride(@PathParam("id") String id, @FormParam("version") String version,
                                      @FormParam("aar") String yearParam) {
        long expected = parseVersion(version);
        int year = Rotation.localDate(clock.instant()).getYear();
        try {
            year = Integer.parseInt(trim(yearParam));
        } catch (NumberFormatException e) {
            // keep this year
        }
        return write(expected, "override " + id + " removed", sched -> {
            List<OverrideWindow> kept = sched.overrides().stream().filter(o -> !o.id().toString().equals(id)).toList();
            if (kept.size() == sched.overrides().size()) {
                throw ProblemException.notFound("override " + id);
            }
            return sched.withOverrides(kept);
        }, year, OverrideForm.empty(expected));
    }

    /** The one write path of the page: the service's versioned change; its problems become the form's errors. */
    private Uni<Object> write(long expected, String description, UnaryOperator<RotationSchedule> edit, int year,
                              OverrideForm typed) {
        String actor = identity.getPrincipal().getName();
        return rotation.change(expected, actor, description, edit)
                .<Object>map(saved -> Response.seeOther(URI.create("/vagtplan?aar=" + year + "#undtagelser")).build())
                .onFailure(ProblemException.class).recoverWithUni(e -> {
                    Problem problem = ((ProblemException) e).toProblem();
                    Map<String, String> errors = new LinkedHashMap<>();
                    for (Problem.FieldError fe : problem.errors()) {
                        errors.putIfAbsent(pageField(fe.field()), fe.message());
                    }
                    String summary = problem.status() == 409 || problem.status() == 412 ? msg.rot_err_stale()
                            : errors.containsKey("") ? errors.remove("") : problem.status() == 404 ? problem.detail() : null;
                    if (summary == null && errors.isEmpty()) {
                        summary = problem.title();
                    }
                    return render(Integer.toString(year), null, null, new OverrideForm(expected, typed.from(), typed.to(),
                            typed.site(), typed.reason(), errors, summary)).map(x -> x);
                });
    }

    /** The form field an API field error belongs to ({@code overrides[2].to} → til); "" when none. */
    static String pageField(String apiField) {
        if (apiField == null) {
            return "";
        }
        String last = apiField.substring(apiField.lastIndexOf('.') + 1);
        return switch (last) {
            case "from" -> "fra";
            case "to" -> "til";
            case "site" -> "site";
            case "reason" -> "begrundelse";
            default -> "";
        };
    }

    private Instant localInstant(String value, String field, Map<String, String> errors) {
        if (value.isEmpty()) {
            errors.put(field, msg.rot_err_required());
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(Rotation.ZONE).toInstant();
        } catch (RuntimeException e) {
            errors.put(field, msg.rot_at_error());
            return null;
        }
    }

    private static long parseVersion(String version) {
        try {
            return Long.parseLong(trim(version));
        } catch (NumberFormatException e) {
            return -1; // a stale version: the service answers 409 and the page says so
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private Uni<TemplateInstance> render(String yearParam, String at, String lineParam, OverrideForm typed) {
        int thisYear = Rotation.localDate(clock.instant()).getYear();
        int year;
        try {
            year = yearParam == null || yearParam.isBlank() ? thisYear : Integer.parseInt(yearParam.trim());
        } catch (NumberFormatException e) {
            year = thisYear;
        }
        if (year < 2016 || year > 2100) {
            year = thisYear;
        }
        int y = year;
        Line line = "COPENHAGEN_LOCAL".equals(lineParam) ? Line.COPENHAGEN_LOCAL : Line.NATIONAL;
        return rotation.current().flatMap(schedule -> rotation.changes(20).map(changes -> {
            Rotation r = new Rotation(schedule, clock);
            List<LineYear> lines = List.of(lineYear(r, schedule, Line.NATIONAL, y), lineYear(r, schedule, Line.COPENHAGEN_LOCAL, y));
            Answer answer = null;
            String atError = null;
            if (at != null && !at.isBlank()) {
                try {
                    DutyAnswer a = r.onDuty(line, LocalDateTime.parse(at.trim()).atZone(Rotation.ZONE).toInstant());
                    answer = new Answer(WHEN.format(a.at()), DutyCalendar.lineName(line), DutyCalendar.siteName(a.site()), a.open(),
                            a.nextChangeAt() == null ? null : WHEN.format(a.nextChangeAt()));
                } catch (RuntimeException e) {
                    atError = msg.rot_at_error();
                }
            }
            List<OverrideRow> overrides = schedule.overrides().stream()
                    .sorted(java.util.Comparator.comparing(OverrideWindow::from))
                    .map(o -> new OverrideRow(o.id().toString(), WHEN.format(o.from()), WHEN.format(o.to()),
                            DutyCalendar.siteName(o.site()), o.reason() == null ? "" : o.reason())).toList();
            OverrideForm form = typed == null || !typed.hasErrors() ? OverrideForm.empty(schedule.version())
                    : new OverrideForm(schedule.version(), typed.from(), typed.to(), typed.site(), typed.reason(),
                    typed.errors(), typed.summary());
            return Templates.rotation(viewers.current(), y, lines, history(changes), at == null ? "" : at, line.name(), answer,
                    atError, overrides, form, identity.hasRole("rotation-admin"));
        }));
    }

    private static LineYear lineYear(Rotation r, RotationSchedule schedule, Line line, int year) {
        List<DayPlan> days = r.calendar(line, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        List<MonthRow> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            DayPlan first = days.get(month.atDay(1).getDayOfYear() - 1);
            List<String> notes = new ArrayList<>();
            for (DayPlan d : days) {
                if (d.date().getMonthValue() != m) {
                    continue;
                }
                RuleKind kind = d.status().kind();
                var holiday = DanishHolidays.holidayOn(d.date());
                if (holiday.isPresent()) {
                    notes.add(d.date().getDayOfMonth() + ".: " + holiday.get().holiday().danishName() + (kind == RuleKind.HOLIDAY ? " (lukket)" : ""));
                } else if (kind == RuleKind.CLOSURE) {
                    notes.add(d.date().getDayOfMonth() + ".: lukket");
                } else if (kind == RuleKind.REDUCED_DAY) {
                    notes.add(d.date().getDayOfMonth() + ".: nedsat dag");
                }
            }
            if (line == Line.NATIONAL) {
                for (OverrideWindow o : schedule.overrides()) {
                    if (YearMonth.from(Rotation.localDate(o.from())).equals(month)) {
                        notes.add("Undtagelse " + WHEN.format(o.from()) + "–" + WHEN.format(o.to()) + ": "
                                + DutyCalendar.siteName(o.site()) + (o.reason() == null ? "" : " (" + o.reason() + ")"));
                    }
                }
            }
            Site site = first.sites().isEmpty() ? null : first.sites().get(0);
            months.add(new MonthRow(Months.NAMES.get(m - 1), site == null ? "–" : DutyCalendar.siteName(site),
                    WHEN.format(Rotation.startOf(month)), notes));
        }
        List<String> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            var intervals = schedule.hoursOf(line).intervalsOn(day);
            hours.add(DAYS.get(day.getValue() - 1) + ": " + (intervals.isEmpty() ? "lukket"
                    : String.join(", ", intervals.stream().map(i -> i.opens() + "–" + i.closes()).toList())));
        }
        return new LineYear(DutyCalendar.lineName(line), months, hours);
    }

    private static final List<String> DAYS = List.of("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag");

    private static List<ChangeRow> history(List<RotationChange> changes) {
        return changes.stream().map(c -> new ChangeRow(WHEN.format(c.changedAt), c.changedBy, c.description)).toList();
    }
}
