package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;

import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole rotation configuration, immutable. Lists and maps are copied; null
 * elements are kept (not rejected) so that {@link ScheduleValidator} can name
 * them; a {@link Rotation} only accepts a schedule without violations.
 *
 * @param version          optimistic-lock version, owned by the persistence adapter
 * @param pattern          monthly alternation anchor (required)
 * @param monthAssignments explicit single months, at most one per month
 * @param overrides        override windows of the national line, never overlapping
 * @param weeklyHours      opening hours per line (both lines required)
 * @param closureSettings  public holidays and reduced days
 * @param closureDates     admin-set whole-day closures
 */
public record RotationSchedule(
        long version,
        DutyPattern pattern,
        List<MonthAssignment> monthAssignments,
        List<OverrideWindow> overrides,
        Map<Line, WeeklyHours> weeklyHours,
        ClosureSettings closureSettings,
        List<ClosureDate> closureDates) {

    /** Anchor of the default schedule: January 2026 is Copenhagen. */
    public static final YearMonth DEFAULT_ANCHOR_MONTH = YearMonth.of(2026, 1);
    public static final Site DEFAULT_ANCHOR_SITE = Site.COPENHAGEN;
    public static final LocalTime DEFAULT_OPENS = LocalTime.of(9, 0);
    public static final LocalTime DEFAULT_CLOSES = LocalTime.of(15, 0);

    public RotationSchedule {
        monthAssignments = copy(monthAssignments);
        overrides = copy(overrides);
        closureDates = copy(closureDates);
        weeklyHours = Collections.unmodifiableMap(weeklyHours == null ? new LinkedHashMap<>() : new LinkedHashMap<>(weeklyHours));
    }

    /**
     * The documented default (docs/rotation.md): version 0; 2026-01 is COPENHAGEN,
     * alternating; no assignments, overrides or closure dates; both lines open
     * Monday to Friday 09:00-15:00 local time; public holidays closed;
     * Grundlovsdag, Juleaftensdag and Nytårsaftensdag closed; 1 May open as usual.
     */
    public static RotationSchedule defaults() {
        Map<Line, WeeklyHours> hours = new EnumMap<>(Line.class);
        hours.put(Line.NATIONAL, WeeklyHours.mondayToFriday(DEFAULT_OPENS, DEFAULT_CLOSES));
        hours.put(Line.COPENHAGEN_LOCAL, WeeklyHours.mondayToFriday(DEFAULT_OPENS, DEFAULT_CLOSES));
        return new RotationSchedule(0, new DutyPattern(DEFAULT_ANCHOR_MONTH, DEFAULT_ANCHOR_SITE),
                List.of(), List.of(), hours, ClosureSettings.defaults(), List.of());
    }

    /** Opening hours of a line, no hours when the line is missing. */
    public WeeklyHours hoursOf(Line line) {
        WeeklyHours hours = weeklyHours.get(line);
        return hours == null ? WeeklyHours.closed() : hours;
    }

    public RotationSchedule withVersion(long newVersion) {
        return new RotationSchedule(newVersion, pattern, monthAssignments, overrides, weeklyHours, closureSettings, closureDates);
    }

    public RotationSchedule withPattern(DutyPattern newPattern) {
        return new RotationSchedule(version, newPattern, monthAssignments, overrides, weeklyHours, closureSettings, closureDates);
    }

    public RotationSchedule withMonthAssignments(List<MonthAssignment> newAssignments) {
        return new RotationSchedule(version, pattern, newAssignments, overrides, weeklyHours, closureSettings, closureDates);
    }

    public RotationSchedule withOverrides(List<OverrideWindow> newOverrides) {
        return new RotationSchedule(version, pattern, monthAssignments, newOverrides, weeklyHours, closureSettings, closureDates);
    }

    public RotationSchedule withWeeklyHours(Map<Line, WeeklyHours> newHours) {
        return new RotationSchedule(version, pattern, monthAssignments, overrides, newHours, closureSettings, closureDates);
    }

    /** A copy with the opening hours of one line replaced. */
    public RotationSchedule withHours(Line line, WeeklyHours hours) {
        Map<Line, WeeklyHours> map = new LinkedHashMap<>(weeklyHours);
        map.put(line, hours);
        return withWeeklyHours(map);
    }

    public RotationSchedule withClosureSettings(ClosureSettings newSettings) {
        return new RotationSchedule(version, pattern, monthAssignments, overrides, weeklyHours, newSettings, closureDates);
    }

    public RotationSchedule withClosureDates(List<ClosureDate> newClosureDates) {
        return new RotationSchedule(version, pattern, monthAssignments, overrides, weeklyHours, closureSettings, newClosureDates);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
