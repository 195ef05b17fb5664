package dk.hotline.core.rotation.feed;

import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.text.ICalWriter;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;
import dk.hotline.core.rotation.domain.ClosureDate;
import dk.hotline.core.rotation.domain.DanishHolidays;
import dk.hotline.core.rotation.domain.DayPlan;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.core.rotation.domain.OpenPeriod;
import dk.hotline.core.rotation.domain.Rotation;
import dk.hotline.core.rotation.domain.RuleKind;
import dk.hotline.contracts.schedule.Segment;
import dk.hotline.contracts.vocabulary.Site;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The duty calendar of one line as iCalendar (RFC 5545, written by biweekly): one event per stretch a site is on
 * duty (so an override shows as its own event), and an all-day event for each Danish public holiday, closure and
 * reduced day. Instants are written in UTC; calendar clients show them in their own zone. Event UIDs are stable
 * for the same stretch, so a re-fetched feed updates rather than duplicates.
 */
public final class DutyCalendar {

    /** From the start of the previous month to this many months ahead. */
    public static final int MONTHS_AHEAD = 12;

    private DutyCalendar() {
    }

    public static String write(Rotation rotation, Line line, Instant now) {
        YearMonth thisMonth = YearMonth.from(Rotation.localDate(now));
        LocalDate firstDay = thisMonth.minusMonths(1).atDay(1);
        LocalDate dayAfter = thisMonth.plusMonths(MONTHS_AHEAD + 1).atDay(1);

        ICalendar ical = new ICalendar();
        ical.setProductId("-//Hotline//Vagtplan//DA");
        ical.setName("Hotline vagtplan – " + lineName(line));
        ical.setDescription("Hvilket site der har vagten på " + lineName(line) + ", helligdage og lukkedage");
        ical.setRefreshInterval(new biweekly.util.Duration.Builder().hours(6).build());

        for (Segment span : bySite(rotation.timeline(line, Rotation.startOf(firstDay), Rotation.startOf(dayAfter)))) {
            VEvent event = new VEvent();
            event.setUid("vagt-" + line.name().toLowerCase() + "-" + span.from().getEpochSecond() + "@hotline.dk");
            event.setDateTimeStamp(Date.from(now));
            boolean override = span.rule().startsWith("override");
            event.setSummary("Vagt: " + siteName(span.site()) + (override ? " (undtagelse)" : ""));
            event.setDescription(siteName(span.site()) + " besvarer " + lineName(line)
                    + (override ? " efter en undtagelse fra den månedlige rotation" : " efter den månedlige rotation"));
            event.setDateStart(new DateStart(Date.from(span.from()), true));
            event.setDateEnd(new DateEnd(Date.from(span.to()), true));
            event.setTransparency(true);
            ical.addEvent(event);
        }
        for (DayPlan day : rotation.calendar(line, firstDay, dayAfter.minusDays(1))) {
            String summary = daySummary(rotation, line, day);
            if (summary == null) {
                continue;
            }
            VEvent event = new VEvent();
            event.setUid("dag-" + line.name().toLowerCase() + "-" + day.date() + "@hotline.dk");
            event.setDateTimeStamp(Date.from(now));
            event.setSummary(summary);
            event.setDateStart(new DateStart(allDay(day.date())));
            event.setDateEnd(new DateEnd(allDay(day.date().plusDays(1))));
            event.setTransparency(true);
            ical.addEvent(event);
        }
        StringWriter out = new StringWriter();
        try (ICalWriter writer = new ICalWriter(out, ICalVersion.V2_0)) {
            writer.write(ical);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The timeline's segments with the open/closed split merged away: who is on duty, from when to when. */
    static List<Segment> bySite(List<Segment> segments) {
        List<Segment> merged = new ArrayList<>();
        for (Segment s : segments) {
            int last = merged.size() - 1;
            if (last >= 0 && merged.get(last).site() == s.site() && merged.get(last).to().equals(s.from())
                    && merged.get(last).rule().equals(siteRule(s.rule()))) {
                Segment prev = merged.get(last);
                merged.set(last, new Segment(prev.from(), s.to(), prev.site(), true, siteRule(prev.rule())));
            } else {
                merged.add(new Segment(s.from(), s.to(), s.site(), true, siteRule(s.rule())));
            }
        }
        return merged;
    }

    /** The site part of a rule summary ("site rule; open rule"), which is what decided the duty. */
    private static String siteRule(String summary) {
        int cut = summary.indexOf(';');
        return cut < 0 ? summary : summary.substring(0, cut);
    }

    private static String daySummary(Rotation rotation, Line line, DayPlan day) {
        var holiday = DanishHolidays.holidayOn(day.date());
        RuleKind kind = day.status().kind();
        if (kind == RuleKind.CLOSURE) {
            String reason = rotation.schedule().closureDates().stream()
                    .filter(c -> c.date().equals(day.date()) && c.appliesTo(line))
                    .map(ClosureDate::reason).filter(r -> r != null && !r.isBlank()).findFirst().orElse(null);
            return "Lukket" + (reason == null ? "" : ": " + reason);
        }
        if (holiday.isPresent()) {
            return "Helligdag: " + holiday.get().holiday().danishName() + (kind == RuleKind.HOLIDAY ? " – lukket" : "");
        }
        if (kind == RuleKind.REDUCED_DAY) {
            String name = DanishHolidays.reducedDayOn(day.date()).map(r -> r.danishName()).orElse("Nedsat dag");
            return name + (day.open().isEmpty() ? " – lukket" : " – åben " + day.open().stream()
                    .map(DutyCalendar::period).collect(Collectors.joining(", ")));
        }
        return null;
    }

    private static String period(OpenPeriod p) {
        return p.from() + "–" + (p.to().equals(java.time.LocalTime.MIDNIGHT) ? "24:00" : p.to().toString());
    }

    private static ICalDate allDay(LocalDate date) {
        return new ICalDate(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()),
                new DateTimeComponents(date.getYear(), date.getMonthValue(), date.getDayOfMonth()), false);
    }

    public static String siteName(Site site) {
        return site == Site.AARHUS ? "Aarhus" : "København";
    }

    public static String lineName(Line line) {
        return line == Line.NATIONAL ? "den nationale linje" : "Københavns lokale linje";
    }
}
