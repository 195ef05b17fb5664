package dk.hotline.core.rotation.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Switches for the closures computed by rule, shared by both lines:
 * whether public holidays close the lines, and how each reduced day is treated
 * (a reduced day missing from the map is OPEN_AS_USUAL).
 */
public record ClosureSettings(boolean publicHolidaysClosed, Map<ReducedDay, ReducedDayRule> reducedDays) {

    public ClosureSettings {
        reducedDays = Collections.unmodifiableMap(reducedDays == null ? new LinkedHashMap<>() : new LinkedHashMap<>(reducedDays));
    }

    /** Holidays closed; Grundlovsdag, Juleaftensdag and Nytårsaftensdag closed; 1 May open as usual. */
    public static ClosureSettings defaults() {
        Map<ReducedDay, ReducedDayRule> rules = new LinkedHashMap<>();
        rules.put(ReducedDay.ARBEJDERNES_KAMPDAG, ReducedDayRule.openAsUsual());
        rules.put(ReducedDay.GRUNDLOVSDAG, ReducedDayRule.closed());
        rules.put(ReducedDay.JULEAFTENSDAG, ReducedDayRule.closed());
        rules.put(ReducedDay.NYTAARSAFTENSDAG, ReducedDayRule.closed());
        return new ClosureSettings(true, rules);
    }

    /** Everything open: no holiday closes the line, every reduced day open as usual. */
    public static ClosureSettings nothingClosed() {
        return new ClosureSettings(false, Map.of());
    }

    public ClosureSettings withPublicHolidaysClosed(boolean closed) {
        return new ClosureSettings(closed, reducedDays);
    }

    public ClosureSettings withReducedDay(ReducedDay day, ReducedDayRule rule) {
        Map<ReducedDay, ReducedDayRule> rules = new LinkedHashMap<>(reducedDays);
        rules.put(day, rule);
        return new ClosureSettings(publicHolidaysClosed, rules);
    }

    /** The rule for a reduced day, OPEN_AS_USUAL when none is set. */
    public ReducedDayRule ruleFor(ReducedDay day) {
        ReducedDayRule rule = reducedDays.get(day);
        return rule == null ? ReducedDayRule.openAsUsual() : rule;
    }
}
