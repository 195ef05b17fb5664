package dk.hotline.core.statistics;

import dk.hotline.core.statistics.domain.Breakdown;
import dk.hotline.core.statistics.domain.Cell;
import dk.hotline.core.statistics.domain.Spread;
import dk.hotline.core.statistics.domain.YearlyReport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The report as CSV for Excel: UTF-8 with a byte order mark (so Excel reads æøå), semicolon-separated as Danish
 * Excel expects, every field quoted. One row per published figure: section, key, label, value as shown
 * ({@code "<5"} when suppressed).
 */
public final class ReportCsv {

    public static final String[] HEADER = {"afsnit", "nøgle", "betegnelse", "værdi"};
    public static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.EXCEL)
            .setDelimiter(';').setQuoteMode(QuoteMode.ALL).setHeader(HEADER).setRecordSeparator("\r\n").get();

    private ReportCsv() {
    }

    public static byte[] write(YearlyReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // The byte order mark goes first, before the printer writes the header.
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, FORMAT)) {
            csv.printRecord("periode", "periode", "Periode", report.period().label());
            csv.printRecord("periode", "site", "Site", report.site() == null ? "alle" : report.site());
            csv.printRecord("periode", "line", "Linje", report.line() == null ? "alle" : report.line());
            for (Breakdown b : report.breakdowns()) {
                for (Cell c : b.cells()) {
                    csv.printRecord(b.name(), c.key(), c.label(), c.shown());
                }
                csv.printRecord(b.name(), "TOTAL", "I alt", b.totalShown());
            }
            csv.printRecord("callsWhileClosed", "TOTAL", report.callsWhileClosed().label(), report.callsWhileClosed().shown());
            spread(csv, "waiting", "Ventetid", report.waiting());
            spread(csv, "talk", "Samtaletid", report.talk());
            csv.printRecord("infohusOutsideCopenhagenAndAarhus", "SHARE", "Andel til infohuse uden for København og Aarhus",
                    report.infohusOutsideCopenhagenAndAarhus().shown());
            csv.printRecord("baseline", "contacts", "Henvendelser", report.baseline().contacts().shown());
            csv.printRecord("baseline", "casesStarted", "Sager startet", report.baseline().casesStarted().shown());
            csv.printRecord("baseline", "casesPerHundredContacts", "Sager pr. 100 henvendelser",
                    report.baseline().casesPerHundredContacts().shown());
            csv.printRecord("baseline", "2015", "Udgangspunkt 2015", report.baseline().baselineShown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void spread(CSVPrinter csv, String section, String label, Spread s) throws IOException {
        csv.printRecord(section, "MEDIAN_SECONDS", label + ", median (sekunder)", s.medianSeconds() == null ? Cell.SUPPRESSED : fmt(s.medianSeconds()));
        csv.printRecord(section, "P90_SECONDS", label + ", 90 % (sekunder)", s.p90Seconds() == null ? Cell.SUPPRESSED : fmt(s.p90Seconds()));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(java.util.Locale.ROOT, "%.1f", d);
    }
}
