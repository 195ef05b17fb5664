package dk.hotline.core.rotation.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Opening hours of one line per weekday; a weekday that is missing or empty has no opening hours. */
public record WeeklyHours(Map<DayOfWeek, List<OpeningInterval>> days) {

    public WeeklyHours {
        Map<DayOfWeek, List<OpeningInterval>> copy = new LinkedHashMap<>();
        if (days != null) {
            days.forEach((day, intervals) -> copy.put(day,
                    intervals == null ? null : Collections.unmodifiableList(new ArrayList<>(intervals))));
        }
        days = Collections.unmodifiableMap(copy);
    }

    /** No opening hours at all. */
    public static WeeklyHours closed() {
        return new WeeklyHours(Map.of());
    }

    /** The same single interval Monday to Friday, no hours at the weekend. */
    public static WeeklyHours mondayToFriday(LocalTime opens, LocalTime closes) {
        return on(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), opens, closes);
    }

    /** The same single interval on the given weekdays. */
    public static WeeklyHours on(Set<DayOfWeek> weekdays, LocalTime opens, LocalTime closes) {
        Map<DayOfWeek, List<OpeningInterval>> map = new LinkedHashMap<>();
        for (DayOfWeek day : EnumSet.copyOf(weekdays)) {
            map.put(day, List.of(new OpeningInterval(opens, closes)));
        }
        return new WeeklyHours(map);
    }

    /** A copy with the intervals of one weekday replaced (empty list: closed that weekday). */
    public WeeklyHours with(DayOfWeek day, List<OpeningInterval> intervals) {
        Map<DayOfWeek, List<OpeningInterval>> map = new LinkedHashMap<>(days);
        map.put(day, intervals);
        return new WeeklyHours(map);
    }

    /** The intervals of a weekday, empty when none. */
    public List<OpeningInterval> intervalsOn(DayOfWeek day) {
        List<OpeningInterval> intervals = days.get(day);
        return intervals == null ? List.of() : intervals;
    }
}
