package dk.hotline.core.rotation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MonthHandoverTest {

    private final Rotation rotation = new Rotation(RotationSchedule.defaults(),
            Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void februaryStartsAtLocalMidnightInWinterTime() {
        Instant localMidnight = Instant.parse("2026-01-31T23:00:00Z");

        assertThat(rotation.onDuty(Line.NATIONAL, localMidnight).site()).isEqualTo(Site.AARHUS);
        assertThat(rotation.onDuty(Line.NATIONAL, localMidnight.minusNanos(1)).site()).isEqualTo(Site.COPENHAGEN);
    }

    @Test
    void augustStartsAtLocalMidnightInSummerTime() {
        Instant localMidnight = Instant.parse("2026-07-31T22:00:00Z");

        assertThat(rotation.onDuty(Line.NATIONAL, localMidnight).site()).isEqualTo(Site.AARHUS);
        assertThat(rotation.onDuty(Line.NATIONAL, localMidnight.minusNanos(1)).site()).isEqualTo(Site.COPENHAGEN);
    }

    @Test
    void answerForNowComesFromTheClock() {
        DutyAnswer answer = rotation.onDuty(Line.NATIONAL);

        assertThat(answer.at()).isEqualTo(Instant.parse("2026-01-15T10:00:00Z"));
        assertThat(answer.site()).isEqualTo(Site.COPENHAGEN);
        assertThat(answer.open()).isTrue();
        assertThat(answer.rule().site().kind()).isEqualTo(RuleKind.PATTERN);
        assertThat(answer.rule().site().explanation())
                .isEqualTo("2026-01 is COPENHAGEN by alternation from anchor 2026-01 COPENHAGEN");
        assertThat(answer.nextChangeAt()).isEqualTo(Instant.parse("2026-01-15T14:00:00Z"));
    }
}
