package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.vocabulary.Site;

import java.time.LocalDate;
import java.util.List;

/**
 * One local day of a line for the calendar.
 *
 * @param date   the local date (Europe/Copenhagen)
 * @param sites  the sites on duty that day, in order of appearance (two only when an override splits the day)
 * @param duty   who is on duty from when to when, and by which rule, covering the whole day
 * @param open   the open periods with the site answering, empty when the line is closed all day
 * @param status what shapes the day: OPENING_HOURS (open as usual), OUTSIDE_HOURS (no hours that weekday),
 *               HOLIDAY, REDUCED_DAY (closed, or closing early), CLOSURE; the explanation gives the reason
 */
public record DayPlan(LocalDate date, List<Site> sites, List<DutySpan> duty, List<OpenPeriod> open, Decision status) {

    public DayPlan {
        sites = List.copyOf(sites);
        duty = List.copyOf(duty);
        open = List.copyOf(open);
    }
}
