package dk.hotline.core.statistics.rest;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.platform.problem.QueryEnums;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.statistics.ReportCsv;
import dk.hotline.core.statistics.StatisticsService;
import dk.hotline.core.statistics.domain.ReportPeriod;
import dk.hotline.core.statistics.domain.YearlyReport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For supervisors: the statistics of a year or a month, small numbers suppressed; JSON and CSV. */
@Cancellable(false)
@Path("/api/statistics")
@Tag(name = "Statistics")
public class StatisticsResource {

    private final StatisticsService statistics;

    public StatisticsResource(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GET
    @Path("/report")
    @RolesAllowed("supervisor")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The report of a year (or one month of it)",
            description = "Every figure below 5 is \"<5\" and carries no count; see docs/statistics.md.")
    public Uni<YearlyReport> report(@QueryParam("year") String year, @QueryParam("month") String month,
                                    @QueryParam("site") String site, @QueryParam("line") String line) {
        return statistics.report(period(year, month), QueryEnums.parse(Site.class, "site", site),
                QueryEnums.parse(Line.class, "line", line));
    }

    @GET
    @Path("/report.csv")
    @RolesAllowed("supervisor")
    @Produces("text/csv")
    @Operation(summary = "The same report as CSV (UTF-8 with BOM, semicolons, quoted) for Excel")
    public Uni<Response> csv(@QueryParam("year") String year, @QueryParam("month") String month,
                             @QueryParam("site") String site, @QueryParam("line") String line) {
        ReportPeriod period = period(year, month);
        return statistics.report(period, QueryEnums.parse(Site.class, "site", site),
                QueryEnums.parse(Line.class, "line", line)).map(r -> Response.ok(ReportCsv.write(r))
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"hotline-statistik-" + fileLabel(period) + ".csv\"")
                .build());
    }

    /** 400 naming {@code year} or {@code month} for a missing, malformed or out-of-range value. */
    public static ReportPeriod period(String year, String month) {
        int y = number("year", year, 2016, 2100);
        Integer m = month == null || month.isBlank() ? null : number("month", month, 1, 12);
        return new ReportPeriod(y, m);
    }

    private static int number(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, "is required");
        }
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badField(field, "must be a whole number");
        }
        if (n < min || n > max) {
            throw ProblemException.badField(field, "must be between " + min + " and " + max);
        }
        return n;
    }

    private static String fileLabel(ReportPeriod p) {
        return p.month() == null ? Integer.toString(p.year()) : p.year() + "-" + String.format("%02d", p.month());
    }
}
