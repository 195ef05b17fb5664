package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.vocabulary.Line;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules a {@link RotationSchedule} must keep. Returns every violation at
 * once, each naming the field by its path in the schedule record
 * (e.g. {@code overrides[2].from}, {@code weeklyHours.NATIONAL.days.MONDAY[1].opens}).
 * Stateless.
 */
public final class ScheduleValidator {

    /** Longest reason text accepted. */
    public static final int MAX_REASON_LENGTH = 500;
    /** Most entries accepted in each list of the schedule (assignments, overrides, closure dates, intervals of a day). */
    public static final int MAX_ENTRIES = 1000;

    private ScheduleValidator() {
    }

    public static List<Violation> validate(RotationSchedule schedule) {
        List<Violation> violations = new ArrayList<>();
        if (schedule == null) {
            violations.add(new Violation("schedule", "must not be null"));
            return violations;
        }
        if (schedule.version() < 0) {
            violations.add(new Violation("version", "must not be negative"));
        }
        validatePattern(schedule.pattern(), violations);
        if (withinLimit(schedule.monthAssignments(), "monthAssignments", violations)) {
            validateMonthAssignments(schedule.monthAssignments(), violations);
        }
        if (withinLimit(schedule.overrides(), "overrides", violations)) {
            validateOverrides(schedule.overrides(), violations);
        }
        validateWeeklyHours(schedule.weeklyHours(), violations);
        validateClosureSettings(schedule.closureSettings(), violations);
        if (withinLimit(schedule.closureDates(), "closureDates", violations)) {
            validateClosureDates(schedule.closureDates(), violations);
        }
        return List.copyOf(violations);
    }

    private static void validatePattern(DutyPattern pattern, List<Violation> violations) {
        if (pattern == null) {
            violations.add(new Violation("pattern", "anchor is missing: name a month and the site that staffs it"));
            return;
        }
        if (pattern.anchorMonth() == null) {
            violations.add(new Violation("pattern.anchorMonth", "anchor month is missing"));
        } else {
            checkYear(pattern.anchorMonth().getYear(), "pattern.anchorMonth", violations);
        }
        if (pattern.anchorSite() == null) {
            violations.add(new Violation("pattern.anchorSite", "anchor site is missing"));
        }
    }

    private static void validateMonthAssignments(List<MonthAssignment> assignments, List<Violation> violations) {
        Map<YearMonth, Integer> seen = new HashMap<>();
        for (int i = 0; i < assignments.size(); i++) {
            String path = "monthAssignments[" + i + "]";
            MonthAssignment assignment = assignments.get(i);
            if (assignment == null) {
                violations.add(new Violation(path, "must not be null"));
                continue;
            }
            if (assignment.month() == null) {
                violations.add(new Violation(path + ".month", "month is missing"));
            } else {
                checkYear(assignment.month().getYear(), path + ".month", violations);
                Integer earlier = seen.putIfAbsent(assignment.month(), i);
                if (earlier != null) {
                    violations.add(new Violation(path + ".month",
                            "duplicate assignment of " + assignment.month() + " (also monthAssignments[" + earlier + "])"));
                }
            }
            if (assignment.site() == null) {
                violations.add(new Violation(path + ".site", "site is missing"));
            }
            checkReason(assignment.reason(), path + ".reason", violations);
        }
    }

    private static void validateOverrides(List<OverrideWindow> overrides, List<Violation> violations) {
        Map<Object, Integer> ids = new HashMap<>();
        List<Integer> wellFormed = new ArrayList<>();
        for (int i = 0; i < overrides.size(); i++) {
            String path = "overrides[" + i + "]";
            OverrideWindow window = overrides.get(i);
            if (window == null) {
                violations.add(new Violation(path, "must not be null"));
                continue;
            }
            if (window.id() == null) {
                violations.add(new Violation(path + ".id", "id is missing"));
            } else {
                Integer earlier = ids.putIfAbsent(window.id(), i);
                if (earlier != null) {
                    violations.add(new Violation(path + ".id", "duplicate id (also overrides[" + earlier + "])"));
                }
            }
            boolean ok = true;
            if (window.from() == null) {
                violations.add(new Violation(path + ".from", "from is missing"));
                ok = false;
            } else {
                ok &= checkInstant(window.from(), path + ".from", violations);
            }
            if (window.to() == null) {
                violations.add(new Violation(path + ".to", "to is missing"));
                ok = false;
            } else {
                ok &= checkInstant(window.to(), path + ".to", violations);
            }
            if (window.from() != null && window.to() != null && !window.from().isBefore(window.to())) {
                violations.add(new Violation(path + ".from", "must be before to (" + window.to() + ")"));
                ok = false;
            }
            if (window.site() == null) {
                violations.add(new Violation(path + ".site", "site is missing"));
            }
            checkReason(window.reason(), path + ".reason", violations);
            if (ok) {
                wellFormed.add(i);
            }
        }
        for (int x = 0; x < wellFormed.size(); x++) {
            for (int y = 0; y < x; y++) {
                OverrideWindow later = overrides.get(wellFormed.get(x));
                OverrideWindow earlier = overrides.get(wellFormed.get(y));
                if (later.from().isBefore(earlier.to()) && earlier.from().isBefore(later.to())) {
                    violations.add(new Violation("overrides[" + wellFormed.get(x) + "].from",
                            "overlaps overrides[" + wellFormed.get(y) + "] (" + earlier.from() + " to " + earlier.to() + ")"));
                }
            }
        }
    }

    private static void validateWeeklyHours(Map<Line, WeeklyHours> weeklyHours, List<Violation> violations) {
        if (weeklyHours.containsKey(null)) {
            violations.add(new Violation("weeklyHours", "line is missing"));
        }
        for (Line line : Line.values()) {
            String path = "weeklyHours." + line;
            WeeklyHours hours = weeklyHours.get(line);
            if (hours == null) {
                violations.add(new Violation(path, "opening hours of " + line + " are missing (an empty week means never open)"));
                continue;
            }
            if (hours.days().containsKey(null)) {
                violations.add(new Violation(path + ".days", "weekday is missing"));
            }
            for (DayOfWeek day : DayOfWeek.values()) {
                if (hours.days().containsKey(day) && hours.days().get(day) == null) {
                    violations.add(new Violation(path + ".days." + day, "must not be null"));
                    continue;
                }
                validateIntervals(hours.intervalsOn(day), path + ".days." + day, violations);
            }
        }
    }

    private static void validateIntervals(List<OpeningInterval> intervals, String path, List<Violation> violations) {
        if (!withinLimit(intervals, path, violations)) {
            return;
        }
        List<Integer> wellFormed = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            String itemPath = path + "[" + i + "]";
            OpeningInterval interval = intervals.get(i);
            if (interval == null) {
                violations.add(new Violation(itemPath, "must not be null"));
                continue;
            }
            if (interval.opens() == null) {
                violations.add(new Violation(itemPath + ".opens", "opening time is missing"));
            }
            if (interval.closes() == null) {
                violations.add(new Violation(itemPath + ".closes", "closing time is missing"));
            }
            if (interval.opens() == null || interval.closes() == null) {
                continue;
            }
            if (!interval.wellFormed()) {
                violations.add(new Violation(itemPath + ".opens",
                        "must be before closes (" + ExplanationFormat.endTime(interval.closes()) + "); 00:00 as closes means midnight"));
                continue;
            }
            wellFormed.add(i);
        }
        for (int x = 0; x < wellFormed.size(); x++) {
            for (int y = 0; y < x; y++) {
                OpeningInterval later = intervals.get(wellFormed.get(x));
                OpeningInterval earlier = intervals.get(wellFormed.get(y));
                if (later.opensNanos() < earlier.closesNanos() && earlier.opensNanos() < later.closesNanos()) {
                    violations.add(new Violation(path + "[" + wellFormed.get(x) + "].opens",
                            "overlaps " + path.substring(path.lastIndexOf('.') + 1) + "[" + wellFormed.get(y) + "] " + earlier));
                }
            }
        }
    }

    private static void validateClosureSettings(ClosureSettings settings, List<Violation> violations) {
        if (settings == null) {
            violations.add(new Violation("closureSettings", "closure settings are missing"));
            return;
        }
        if (settings.reducedDays().containsKey(null)) {
            violations.add(new Violation("closureSettings.reducedDays", "reduced day is missing"));
        }
        for (ReducedDay day : ReducedDay.values()) {
            if (!settings.reducedDays().containsKey(day)) {
                continue;
            }
            String path = "closureSettings.reducedDays." + day;
            ReducedDayRule rule = settings.reducedDays().get(day);
            if (rule == null || rule.mode() == null) {
                violations.add(new Violation(path + ".mode", "mode is missing"));
                continue;
            }
            if (rule.mode() == ReducedDayMode.CLOSES_EARLY && rule.closesAt() == null) {
                violations.add(new Violation(path + ".closesAt", "closing time is required when the day closes early"));
            }
            if (rule.mode() == ReducedDayMode.CLOSES_EARLY && rule.closesAt() != null
                    && rule.closesAt().equals(java.time.LocalTime.MIDNIGHT)) {
                violations.add(new Violation(path + ".closesAt", "must be after 00:00 (use CLOSED to close the whole day)"));
            }
            if (rule.mode() != ReducedDayMode.CLOSES_EARLY && rule.closesAt() != null) {
                violations.add(new Violation(path + ".closesAt", "only allowed when the mode is CLOSES_EARLY"));
            }
        }
    }

    private static void validateClosureDates(List<ClosureDate> closureDates, List<Violation> violations) {
        for (int i = 0; i < closureDates.size(); i++) {
            String path = "closureDates[" + i + "]";
            ClosureDate closure = closureDates.get(i);
            if (closure == null) {
                violations.add(new Violation(path, "must not be null"));
                continue;
            }
            checkReason(closure.reason(), path + ".reason", violations);
            if (closure.date() == null) {
                violations.add(new Violation(path + ".date", "date is missing"));
                continue;
            }
            checkYear(closure.date().getYear(), path + ".date", violations);
            for (int j = 0; j < i; j++) {
                ClosureDate earlier = closureDates.get(j);
                if (earlier != null && closure.date().equals(earlier.date())
                        && (earlier.line() == null || closure.line() == null || earlier.line() == closure.line())) {
                    violations.add(new Violation(path + ".date", "duplicate closure on " + closure.date()
                            + " (also closureDates[" + j + "])"));
                    break;
                }
            }
        }
    }

    private static boolean withinLimit(List<?> list, String path, List<Violation> violations) {
        if (list.size() > MAX_ENTRIES) {
            violations.add(new Violation(path, "at most " + MAX_ENTRIES + " entries"));
            return false;
        }
        return true;
    }

    private static void checkReason(String reason, String path, List<Violation> violations) {
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            violations.add(new Violation(path, "must be at most " + MAX_REASON_LENGTH + " characters"));
        }
    }

    private static void checkYear(int year, String path, List<Violation> violations) {
        if (year < Rotation.FIRST_SUPPORTED_DATE.getYear() || year > Rotation.LAST_SUPPORTED_DATE.getYear()) {
            violations.add(new Violation(path, "year " + year + " is outside the supported years "
                    + Rotation.FIRST_SUPPORTED_DATE.getYear() + "-" + Rotation.LAST_SUPPORTED_DATE.getYear()));
        }
    }

    private static boolean checkInstant(Instant instant, String path, List<Violation> violations) {
        if (!Rotation.supports(instant)) {
            violations.add(new Violation(path, "must lie within the supported years "
                    + Rotation.FIRST_SUPPORTED_DATE.getYear() + "-" + Rotation.LAST_SUPPORTED_DATE.getYear()));
            return false;
        }
        return true;
    }
}
