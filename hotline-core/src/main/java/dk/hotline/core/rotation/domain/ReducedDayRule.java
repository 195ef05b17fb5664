package dk.hotline.core.rotation.domain;

import java.time.LocalTime;

/** The treatment of one reduced day; {@code closesAt} is set exactly when the mode is CLOSES_EARLY. */
public record ReducedDayRule(ReducedDayMode mode, LocalTime closesAt) {

    public static ReducedDayRule openAsUsual() {
        return new ReducedDayRule(ReducedDayMode.OPEN_AS_USUAL, null);
    }

    public static ReducedDayRule closed() {
        return new ReducedDayRule(ReducedDayMode.CLOSED, null);
    }

    public static ReducedDayRule closesEarlyAt(LocalTime closesAt) {
        return new ReducedDayRule(ReducedDayMode.CLOSES_EARLY, closesAt);
    }
}
