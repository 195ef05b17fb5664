package dk.hotline.core.rotation.domain;

/** How a reduced day is treated. */
public enum ReducedDayMode {
    /** Switched off: the ordinary opening hours of the weekday apply. */
    OPEN_AS_USUAL,
    /** Switched on: closed the whole day. */
    CLOSED,
    /** Switched on, shortened: the ordinary hours apply but end at {@code closesAt}. */
    CLOSES_EARLY
}
