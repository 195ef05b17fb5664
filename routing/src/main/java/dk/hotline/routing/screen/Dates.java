package dk.hotline.routing.screen;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants as a Danish reader expects them: Danish time, e.g. "9. dec. 2026 kl. 14:05". */
final class Dates {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d. MMM yyyy 'kl.' HH:mm",
            Locale.forLanguageTag("da")).withZone(ZoneId.of("Europe/Copenhagen"));

    private Dates() {
    }

    static String shown(Instant at) {
        return at == null ? "" : SHOWN.format(at);
    }
}
