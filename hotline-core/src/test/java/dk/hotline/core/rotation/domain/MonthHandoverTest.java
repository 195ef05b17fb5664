package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;

import static dk.hotline.core.rotation.domain.RotationFixtures.defaultRotation;
import static dk.hotline.core.rotation.domain.RotationFixtures.local;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonthHandoverTest {

    private final Rotation rotation = defaultRotation();

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
    void monthStillRunsAtUtcMidnightOfItsLastDay() {
        // 2026-07-31T23:30Z is already 1 August local: UTC midnight 2026-08-01T00:00Z is not the boundary
        assertThat(rotation.onDuty(Line.NATIONAL, Instant.parse("2026-07-31T23:30:00Z")).site()).isEqualTo(Site.AARHUS);
        assertThat(rotation.onDuty(Line.NATIONAL, Instant.parse("2026-07-31T21:59:59Z")).site()).isEqualTo(Site.COPENHAGEN);
    }

    @Test
    void monthAfterSpringForwardStartsAtLocalMidnight() {
        // March has CET at its start and CEST at its end: April starts at 22:00Z
        assertThat(rotation.onDuty(Line.NATIONAL, Instant.parse("2026-03-31T22:00:00Z")).site()).isEqualTo(Site.AARHUS);
        assertThat(rotation.onDuty(Line.NATIONAL, Instant.parse("2026-03-31T21:59:59.999999999Z")).site())
                .isEqualTo(Site.COPENHAGEN);
    }

    @Test
    void monthAfterFallBackStartsAtLocalMidnight() {
        // October (AARHUS) ends in CET: November (COPENHAGEN) starts at 23:00Z, not 22:00Z
        assertThat(rotation.onDuty(Line.NATIONAL, Instant.parse("2026-10-31T23:00:00Z")).site()).isEqualTo(Site.COPENHAGEN);
        assertThat(rotation.onDuty(Line.NATIONAL, Instant.parse("2026-10-31T22:59:59.999999999Z")).site())
                .isEqualTo(Site.AARHUS);
        assertThat(rotation.onDuty(Line.NATIONAL, Instant.parse("2026-10-31T22:00:00Z")).site()).isEqualTo(Site.AARHUS);
    }

    @Test
    void newYearHandsOverAtLocalMidnight() {
        // 2026-12 is AARHUS, 2027-01 COPENHAGEN
        assertThat(rotation.onDuty(Line.NATIONAL, local("2027-01-01T00:00")).site()).isEqualTo(Site.COPENHAGEN);
        assertThat(rotation.onDuty(Line.NATIONAL, local("2027-01-01T00:00").minusNanos(1)).site()).isEqualTo(Site.AARHUS);
    }

    @Test
    void leapDay2028BelongsToFebruary() {
        // 2028-02 is 25 months after the anchor: AARHUS; 2028-03 COPENHAGEN
        assertThat(rotation.onDuty(Line.NATIONAL, local("2028-02-29T12:00")).site()).isEqualTo(Site.AARHUS);
        assertThat(rotation.onDuty(Line.NATIONAL, Instant.parse("2028-02-29T22:59:59.999999999Z")).site())
                .isEqualTo(Site.AARHUS);
        assertThat(rotation.onDuty(Line.NATIONAL, Instant.parse("2028-02-29T23:00:00Z")).site())
                .isEqualTo(Site.COPENHAGEN);
    }

    @Test
    void year2100IsNoLeapYearSoMarchStartsAfter28February() {
        Instant marchStart = Instant.parse("2100-02-28T23:00:00Z");
        DutyAnswer march = rotation.onDuty(Line.NATIONAL, marchStart);
        DutyAnswer february = rotation.onDuty(Line.NATIONAL, marchStart.minusNanos(1));

        assertThat(march.site()).isNotEqualTo(february.site());
        assertThat(march.rule().site().explanation()).startsWith("2100-03 is ");
        assertThat(february.rule().site().explanation()).startsWith("2100-02 is ");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "2026-01, COPENHAGEN",
            "2026-02, AARHUS",
            "2026-03, COPENHAGEN",
            "2026-12, AARHUS",
            "2027-01, COPENHAGEN",
            "2025-12, AARHUS",
            "2025-11, COPENHAGEN",
            "2025-01, COPENHAGEN",
            "2016-02, AARHUS",
            "2000-01, COPENHAGEN",
            "2100-12, AARHUS",
    })
    void patternAlternatesByMonthInBothDirectionsFromTheAnchor(YearMonth month, Site site) {
        DutyAnswer answer = rotation.onDuty(Line.NATIONAL, Rotation.startOf(month).plusSeconds(3600));

        assertThat(answer.site()).isEqualTo(site);
        assertThat(answer.rule().site().kind()).isEqualTo(RuleKind.PATTERN);
        assertThat(answer.rule().site().explanation())
                .isEqualTo(month + " is " + site + " by alternation from anchor 2026-01 COPENHAGEN");
    }

    @Test
    void anchorOnAnotherMonthAndSiteShiftsTheAlternation() {
        Rotation anchoredInAarhus = RotationFixtures.rotation(RotationSchedule.defaults()
                .withPattern(new DutyPattern(YearMonth.of(2026, 6), Site.AARHUS)));

        assertThat(anchoredInAarhus.onDuty(Line.NATIONAL, local("2026-06-10T10:00")).site()).isEqualTo(Site.AARHUS);
        assertThat(anchoredInAarhus.onDuty(Line.NATIONAL, local("2026-07-10T10:00")).site()).isEqualTo(Site.COPENHAGEN);
        assertThat(anchoredInAarhus.onDuty(Line.NATIONAL, local("2026-01-10T10:00")).site()).isEqualTo(Site.COPENHAGEN);
    }

    @Test
    void nextChangeAtIsTheMonthHandoverWhenTheLineIsClosedUntilThen() {
        // Sunday 31 May 2026, closed; 1 June (Monday) is AARHUS's month: the site changes at local midnight
        DutyAnswer answer = rotation.onDuty(Line.NATIONAL, local("2026-05-31T12:00"));

        assertThat(answer.site()).isEqualTo(Site.COPENHAGEN);
        assertThat(answer.open()).isFalse();
        assertThat(answer.nextChangeAt()).isEqualTo(Instant.parse("2026-05-31T22:00:00Z"));
    }

    @Test
    void answerForNowComesFromTheClock() {
        Rotation atJanuaryMorning = new Rotation(RotationSchedule.defaults(),
                Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneId.of("America/New_York")));

        DutyAnswer answer = atJanuaryMorning.onDuty(Line.NATIONAL);

        assertThat(answer.at()).isEqualTo(Instant.parse("2026-01-15T10:00:00Z"));
        assertThat(answer.line()).isEqualTo(Line.NATIONAL);
        assertThat(answer.site()).isEqualTo(Site.COPENHAGEN);
        assertThat(answer.open()).isTrue();
        assertThat(answer.rule().site().kind()).isEqualTo(RuleKind.PATTERN);
        assertThat(answer.rule().open().kind()).isEqualTo(RuleKind.OPENING_HOURS);
        assertThat(answer.rule().summary()).isEqualTo(
                "2026-01 is COPENHAGEN by alternation from anchor 2026-01 COPENHAGEN; open: within opening hours 09:00-15:00");
        assertThat(answer.nextChangeAt()).isEqualTo(Instant.parse("2026-01-15T14:00:00Z"));
    }
}
