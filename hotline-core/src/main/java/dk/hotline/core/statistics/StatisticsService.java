package dk.hotline.core.statistics;

import dk.hotline.core.reference.Municipalities;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.statistics.domain.ReportPeriod;
import dk.hotline.core.statistics.domain.YearlyReport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The report of a period for a selection of site and line: aggregates from the database, suppressed in the domain. */
@ApplicationScoped
public class StatisticsService {

    private final StatisticsQueries queries;
    private final Municipalities municipalities;

    public StatisticsService(StatisticsQueries queries, Municipalities municipalities) {
        this.queries = queries;
        this.municipalities = municipalities;
    }

    public Uni<YearlyReport> report(ReportPeriod period, Site site, Line line) {
        String siteName = site == null ? null : site.name();
        String lineName = line == null ? null : line.name();
        return queries.figures(period, siteName, lineName).map(raw -> YearlyReport.assemble(period, siteName, lineName, raw,
                code -> municipalities.region(code).orElse(null)));
    }
}
