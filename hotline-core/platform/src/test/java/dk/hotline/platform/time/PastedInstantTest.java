package dk.hotline.platform.time;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PastedInstantTest {

    private static final Instant TEN_CEST = Instant.parse("2026-06-01T08:00:00Z");

    @Test
    void theDocumentedIsoFormsAreTaken() {
        assertThat(PastedInstant.parse("2026-06-01T10:00:00+02:00")).isEqualTo(TEN_CEST);
        assertThat(PastedInstant.parse("2026-06-01T08:00:00Z")).isEqualTo(TEN_CEST);
        assertThat(PastedInstant.parse("2026-06-01T10:00+02:00")).isEqualTo(TEN_CEST);
    }

    @Test
    void aPlusThatArrivedAsASpaceIsReadAsThePlusOfTheOffset() {
        assertThat(PastedInstant.parse("2026-06-01T10:00:00 02:00")).isEqualTo(TEN_CEST);
        assertThat(PastedInstant.parse("2026-06-01T10:00 02:00")).isEqualTo(TEN_CEST);
        assertThat(PastedInstant.parse("2026-06-01T10:00:00 0200")).isEqualTo(TEN_CEST);
    }

    @Test
    void withoutOffsetTheTimeIsDanishTimeSummerAndWinter() {
        assertThat(PastedInstant.parse("2026-06-01T10:00")).isEqualTo(TEN_CEST);
        assertThat(PastedInstant.parse("2026-06-01 10:00:00")).isEqualTo(TEN_CEST);
        assertThat(PastedInstant.parse("2026-01-15T10:00")).isEqualTo(Instant.parse("2026-01-15T09:00:00Z"));
        assertThat(PastedInstant.parse("2026-01-15")).isEqualTo(Instant.parse("2026-01-14T23:00:00Z"));
    }

    @Test
    void textThatIsNoTimeIsRefused() {
        assertThatThrownBy(() -> PastedInstant.parse("tomorrow")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> PastedInstant.parse("2026-13-01T10:00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> PastedInstant.parse(" ")).isInstanceOf(DateTimeParseException.class);
    }
}
