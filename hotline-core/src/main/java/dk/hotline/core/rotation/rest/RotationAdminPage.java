package dk.hotline.core.rotation.rest;

import dk.hotline.core.http.Shield;
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
 * run "hvem får et opkald kl. T?". Editing stays on the JSON API for now (docs/rotation.md).
 */
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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rotation(Viewer me, int year, List<LineYear> lines, List<ChangeRow> changes,
                                                String at, String line, Answer answer, String atError);
    }

    private final RotationService rotation;
    private final Viewers viewers;
    private final Msg msg;
    private final Clock clock;

    public RotationAdminPage(RotationService rotation, Viewers viewers, Msg msg, Clock clock) {
        this.rotation = rotation;
        this.viewers = viewers;
        this.msg = msg;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public Uni<TemplateInstance> page(@QueryParam("aar") String yearParam, @QueryParam("tid") String at,
                                      @QueryParam("linje") String lineParam) {
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
        return Shield.fromCancellation(rotation.current()).flatMap(schedule -> rotation.changes(20).map(changes -> {
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
            return Templates.rotation(viewers.current(), y, lines, history(changes), at == null ? "" : at, line.name(), answer, atError);
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
