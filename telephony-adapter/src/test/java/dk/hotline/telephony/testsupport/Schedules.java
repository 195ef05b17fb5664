package dk.hotline.telephony.testsupport;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.telephony.routing.domain.Schedule;
import dk.hotline.contracts.schedule.Segment;
import dk.hotline.contracts.vocabulary.Site;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds effective schedules the way core resolves them: for each day open 09:00-15:00 Copenhagen time, closed
 * otherwise, the site on duty by calendar month, holidays as closed days.
 */
public final class Schedules {

    public static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

    private Schedules() {
    }

    /** November 2026 is Aarhus's month, December 2026 Copenhagen's (alternating). */
    public static Site nationalSiteOfMonth(LocalDate day) {
        return day.getMonthValue() % 2 == 1 ? Site.AARHUS : Site.COPENHAGEN;
    }

    public static Schedule daily(Line line, long version, LocalDate firstDay, int days, Set<LocalDate> holidays) {
        return daily(line, version, firstDay, days, holidays, firstDay.atStartOfDay(CPH).toInstant());
    }

    /** One publication of the schedule: core republishes the same version nightly with the horizon moved on. */
    public static Schedule daily(Line line, long version, LocalDate firstDay, int days, Set<LocalDate> holidays,
                                 Instant publishedAt) {
        List<Segment> segments = new ArrayList<>();
        Instant cursor = firstDay.atStartOfDay(CPH).toInstant();
        for (int i = 0; i < days; i++) {
            LocalDate day = firstDay.plusDays(i);
            Site site = line == Line.COPENHAGEN_LOCAL ? Site.COPENHAGEN : nationalSiteOfMonth(day);
            Instant open = ZonedDateTime.of(day, LocalTime.of(9, 0), CPH).toInstant();
            Instant close = ZonedDateTime.of(day, LocalTime.of(15, 0), CPH).toInstant();
            Instant end = day.plusDays(1).atStartOfDay(CPH).toInstant();
            if (holidays.contains(day)) {
                segments.add(new Segment(cursor, end, site, false, "holiday"));
            } else {
                segments.add(new Segment(cursor, open, site, false, "closed before opening"));
                segments.add(new Segment(open, close, site, true, "open hours"));
                segments.add(new Segment(close, end, site, false, "closed after opening"));
            }
            cursor = end;
        }
        Instant start = firstDay.atStartOfDay(CPH).toInstant();
        return new Schedule(line, version, publishedAt, start, cursor, merge(segments));
    }

    /** Adjacent closed segments of one site become one, as core would publish them. */
    private static List<Segment> merge(List<Segment> segments) {
        List<Segment> out = new ArrayList<>();
        for (Segment s : segments) {
            if (!out.isEmpty()) {
                Segment prev = out.get(out.size() - 1);
                if (!prev.open() && !s.open() && prev.site() == s.site() && prev.to().equals(s.from())) {
                    out.set(out.size() - 1, new Segment(prev.from(), s.to(), s.site(), false, prev.rule()));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    public static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(CPH).toInstant();
    }
}
