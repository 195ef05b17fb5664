package dk.hotline.core.rotation.domain;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Small text helpers for explanations. */
final class ExplanationFormat {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private ExplanationFormat() {
    }

    static String reasonSuffix(String reason) {
        return reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")";
    }

    static String time(LocalTime time) {
        return HH_MM.format(time);
    }

    /** End times: midnight as an end is written 24:00. */
    static String endTime(LocalTime time) {
        return time.equals(LocalTime.MIDNIGHT) ? "24:00" : HH_MM.format(time);
    }
}
