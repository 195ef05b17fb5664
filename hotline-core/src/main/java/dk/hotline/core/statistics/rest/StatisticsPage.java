package dk.hotline.core.statistics.rest;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.platform.problem.QueryEnums;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.screen.Msg;
import dk.hotline.core.screen.Viewer;
import dk.hotline.core.screen.Viewers;
import dk.hotline.core.statistics.ReportCsv;
import dk.hotline.core.statistics.StatisticsService;
import dk.hotline.core.statistics.domain.Breakdown;
import dk.hotline.core.statistics.domain.Months;
import dk.hotline.core.statistics.domain.ReportPeriod;
import dk.hotline.core.statistics.domain.YearlyReport;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * "Statistik": the supervisors' report page (a year or a month, per site and line), its CSV download, and the
 * printable yearly report for the city councils. The same suppressed figures as the API; nothing else is shown.
 */
@Cancellable(false)
@Path("/statistik")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("supervisor")
public class StatisticsPage {

    /** One table of the page: its Danish title and the suppressed breakdown. */
    public record Section(String id, String title, Breakdown breakdown) {
    }

    /** An option of a select: value, label, selected. */
    public record Option(String value, String label, boolean selected) {
    }

    /** The form's values and the one field error, if any. */
    public record Form(String year, String month, String site, String line, String errorField, String error,
                       List<Option> years, List<Option> months, List<Option> sites, List<Option> lines, String query) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance statistics(Viewer me, Form form, YearlyReport report, List<Section> sections, boolean printable);
    }

    private final StatisticsService statistics;
    private final Viewers viewers;
    private final Msg msg;
    private final Clock clock;

    public StatisticsPage(StatisticsService statistics, Viewers viewers, Msg msg, Clock clock) {
        this.statistics = statistics;
        this.viewers = viewers;
        this.msg = msg;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public Uni<TemplateInstance> page(@QueryParam("aar") String year, @QueryParam("maaned") String month,
                                      @QueryParam("site") String site, @QueryParam("linje") String line) {
        return render(year, month, site, line, false);
    }

    @GET
    @Path("/rapport")
    @Operation(hidden = true)
    public Uni<TemplateInstance> printable(@QueryParam("aar") String year, @QueryParam("site") String site,
                                           @QueryParam("linje") String line) {
        return render(year, null, site, line, true);
    }

    @GET
    @Path("/csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Uni<Response> csv(@QueryParam("aar") String year, @QueryParam("maaned") String month,
                             @QueryParam("site") String site, @QueryParam("linje") String line) {
        ReportPeriod period = StatisticsResource.period(year, month);
        return statistics.report(period, QueryEnums.parse(Site.class, "site", site),
                QueryEnums.parse(Line.class, "linje", line)).map(r -> Response.ok(ReportCsv.write(r))
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"hotline-statistik-" + period.year()
                        + (period.month() == null ? "" : "-" + String.format("%02d", period.month())) + ".csv\"")
                .build());
    }

    private Uni<TemplateInstance> render(String year, String month, String site, String line, boolean printable) {
        int thisYear = LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen"))).getYear();
        String y = year == null || year.isBlank() ? Integer.toString(thisYear) : year.trim();
        String m = month == null ? "" : month.trim();
        String s = site == null ? "" : site.trim();
        String l = line == null ? "" : line.trim();
        ReportPeriod period;
        Site chosenSite;
        Line chosenLine;
        try {
            period = StatisticsResource.period(y, m);
            chosenSite = QueryEnums.parse(Site.class, "site", s);
            chosenLine = QueryEnums.parse(Line.class, "linje", l);
        } catch (ProblemException e) {
            String field = e.toProblem().errors().isEmpty() ? "aar" : e.toProblem().errors().get(0).field();
            String pageField = switch (field) {
                case "year" -> "aar";
                case "month" -> "maaned";
                default -> field;
            };
            Form form = form(thisYear, y, m, s, l, pageField, msg.stat_error(), printable);
            return Uni.createFrom().item(Templates.statistics(viewers.current(), form, null, List.of(), printable));
        }
        Form form = form(thisYear, y, m, s, l, null, null, printable);
        return statistics.report(period, chosenSite, chosenLine)
                .map(r -> Templates.statistics(viewers.current(), form, r, sections(r), printable));
    }

    private Form form(int thisYear, String y, String m, String s, String l, String errorField, String error, boolean printable) {
        List<Option> years = new ArrayList<>();
        for (int i = thisYear + 1; i >= 2016; i--) {
            years.add(new Option(Integer.toString(i), Integer.toString(i), Integer.toString(i).equals(y)));
        }
        if (years.stream().noneMatch(Option::selected)) {
            years.add(0, new Option(y, y, true));
        }
        List<Option> months = new ArrayList<>();
        months.add(new Option("", msg.stat_whole_year(), m.isEmpty()));
        IntStream.rangeClosed(1, 12).forEach(i -> months.add(new Option(Integer.toString(i), Months.NAMES.get(i - 1),
                Integer.toString(i).equals(m))));
        List<Option> sites = List.of(new Option("", msg.stat_all_sites(), s.isEmpty()),
                new Option("AARHUS", msg.site_AARHUS(), "AARHUS".equals(s)),
                new Option("COPENHAGEN", msg.site_COPENHAGEN(), "COPENHAGEN".equals(s)));
        List<Option> lines = List.of(new Option("", msg.stat_all_lines(), l.isEmpty()),
                new Option("NATIONAL", msg.stat_line_NATIONAL(), "NATIONAL".equals(l)),
                new Option("COPENHAGEN_LOCAL", msg.stat_line_COPENHAGEN_LOCAL(), "COPENHAGEN_LOCAL".equals(l)));
        String query = "aar=" + enc(y) + (m.isEmpty() || printable ? "" : "&maaned=" + enc(m))
                + (s.isEmpty() ? "" : "&site=" + enc(s)) + (l.isEmpty() ? "" : "&linje=" + enc(l));
        return new Form(y, m, s, l, errorField, error, years, months, sites, lines, query);
    }

    private List<Section> sections(YearlyReport r) {
        return List.of(
                new Section("kontakter", msg.stat_b_contactsByMonth(), r.contactsByMonth()),
                new Section("tilbudt", msg.stat_b_callsOffered(), r.callsOffered()),
                new Section("besvaret", msg.stat_b_callsAnswered(), r.callsAnswered()),
                new Section("opgivet", msg.stat_b_callsAbandoned(), r.callsAbandoned()),
                new Section("bekymring", msg.stat_b_concern(), r.concern()),
                new Section("afsender", msg.stat_b_callerRole(), r.callerRole()),
                new Section("sektor", msg.stat_b_sector(), r.sector()),
                new Section("alder", msg.stat_b_ageBand(), r.ageBand()),
                new Section("region", msg.stat_b_region(), r.region()),
                new Section("udfald", msg.stat_b_outcome(), r.outcome()),
                new Section("alvor", msg.stat_b_referralsBySeverity(), r.referralsBySeverity()),
                new Section("modtager", msg.stat_b_referralsByRecipient(), r.referralsByRecipient()),
                new Section("frist", msg.stat_b_deadlineAdherence(), r.deadlineAdherence()),
                new Section("modtagerudfald", msg.stat_b_recipientOutcome(), r.recipientOutcome()));
    }

    private static String enc(String v) {
        return java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8);
    }
}
