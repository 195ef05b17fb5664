package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;

import static dk.hotline.core.rotation.domain.RotationFixtures.local;
import static dk.hotline.core.rotation.domain.RotationFixtures.override;
import static dk.hotline.core.rotation.domain.RotationFixtures.rotation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class SitePrecedenceTest {

    // 2026-03 is COPENHAGEN, 2026-04 AARHUS by the default pattern
    private static final MonthAssignment MARCH_TO_AARHUS =
            new MonthAssignment(YearMonth.of(2026, 3), Site.AARHUS, "Copenhagen moves offices");

    @Test
    void monthAssignmentBeatsThePattern() {
        Rotation rotation = rotation(RotationSchedule.defaults().withMonthAssignments(List.of(MARCH_TO_AARHUS)));

        DutyAnswer answer = rotation.onDuty(Line.NATIONAL, local("2026-03-10T10:00"));

        assertThat(answer.site()).isEqualTo(Site.AARHUS);
        assertThat(answer.rule().site().kind()).isEqualTo(RuleKind.MONTH_ASSIGNMENT);
        assertThat(answer.rule().site().explanation()).isEqualTo("2026-03 is assigned to AARHUS (Copenhagen moves offices)");
    }

    @Test
    void monthAssignmentCoversTheWholeLocalMonthAndNothingMore() {
        Rotation rotation = rotation(RotationSchedule.defaults().withMonthAssignments(List.of(MARCH_TO_AARHUS)));

        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-01T00:00")).rule().site().kind())
                .isEqualTo(RuleKind.MONTH_ASSIGNMENT);
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-01T00:00").minusNanos(1)).rule().site().kind())
                .isEqualTo(RuleKind.PATTERN);
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-04-01T00:00").minusNanos(1)).site()).isEqualTo(Site.AARHUS);
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-04-01T00:00")).rule().site().kind())
                .isEqualTo(RuleKind.PATTERN);
    }

    @Test
    void monthAssignmentDoesNotShiftTheAlternationOfOtherMonths() {
        Rotation rotation = rotation(RotationSchedule.defaults().withMonthAssignments(List.of(MARCH_TO_AARHUS)));

        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-04-10T10:00")).site()).isEqualTo(Site.AARHUS);
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-05-11T10:00")).site()).isEqualTo(Site.COPENHAGEN);
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-02-10T10:00")).site()).isEqualTo(Site.AARHUS);
    }

    @Test
    void monthAssignmentToTheSameSiteAsThePatternStillNamesTheAssignment() {
        Rotation rotation = rotation(RotationSchedule.defaults().withMonthAssignments(
                List.of(new MonthAssignment(YearMonth.of(2026, 3), Site.COPENHAGEN, null))));

        DutyAnswer answer = rotation.onDuty(Line.NATIONAL, local("2026-03-10T10:00"));

        assertThat(answer.site()).isEqualTo(Site.COPENHAGEN);
        assertThat(answer.rule().site().explanation()).isEqualTo("2026-03 is assigned to COPENHAGEN");
    }

    @Test
    void overrideInsideAMonthCoversExactlyItsWindow() {
        OverrideWindow window = override("2026-03-10T12:00", "2026-03-12T12:00", Site.AARHUS, "Copenhagen staff on course");
        Rotation rotation = rotation(RotationSchedule.defaults().withOverrides(List.of(window)));

        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-10T12:00").minusNanos(1)).site()).isEqualTo(Site.COPENHAGEN);
        DutyAnswer inside = rotation.onDuty(Line.NATIONAL, local("2026-03-10T12:00"));
        assertThat(inside.site()).isEqualTo(Site.AARHUS);
        assertThat(inside.rule().site().kind()).isEqualTo(RuleKind.OVERRIDE);
        assertThat(inside.rule().site().explanation()).isEqualTo(
                "override 2026-03-10T12:00+01:00 to 2026-03-12T12:00+01:00 is AARHUS (Copenhagen staff on course)");
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-12T12:00").minusNanos(1)).site()).isEqualTo(Site.AARHUS);
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-12T12:00")).site()).isEqualTo(Site.COPENHAGEN);
    }

    @Test
    void overrideAcrossAMonthBoundaryKeepsItsSiteOverTheHandover() {
        // end of March (COPENHAGEN) into April (AARHUS), both hours given to COPENHAGEN
        OverrideWindow window = override("2026-03-30T00:00", "2026-04-03T00:00", Site.COPENHAGEN, "Aarhus starts late");
        Rotation rotation = rotation(RotationSchedule.defaults().withOverrides(List.of(window)));

        DutyAnswer lastDayOfMarch = rotation.onDuty(Line.NATIONAL, local("2026-03-31T10:00"));
        DutyAnswer firstDayOfApril = rotation.onDuty(Line.NATIONAL, local("2026-04-01T10:00"));

        assertThat(lastDayOfMarch.site()).isEqualTo(Site.COPENHAGEN);
        assertThat(lastDayOfMarch.rule().site().kind()).isEqualTo(RuleKind.OVERRIDE);
        assertThat(firstDayOfApril.site()).isEqualTo(Site.COPENHAGEN);
        assertThat(firstDayOfApril.rule().site().kind()).isEqualTo(RuleKind.OVERRIDE);
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-04-03T00:00")).site()).isEqualTo(Site.AARHUS);
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-04-03T00:00")).rule().site().kind())
                .isEqualTo(RuleKind.PATTERN);
    }

    @Test
    void overrideBeatsAMonthAssignment() {
        OverrideWindow window = override("2026-03-16T00:00", "2026-03-17T00:00", Site.COPENHAGEN, null);
        Rotation rotation = rotation(RotationSchedule.defaults()
                .withMonthAssignments(List.of(MARCH_TO_AARHUS))
                .withOverrides(List.of(window)));

        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-16T10:00")).site()).isEqualTo(Site.COPENHAGEN);
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-16T10:00")).rule().site().kind())
                .isEqualTo(RuleKind.OVERRIDE);
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-17T10:00")).site()).isEqualTo(Site.AARHUS);
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-17T10:00")).rule().site().kind())
                .isEqualTo(RuleKind.MONTH_ASSIGNMENT);
    }

    @Test
    void touchingOverridesHandOverAtTheirCommonInstant() {
        OverrideWindow first = override("2026-03-10T09:00", "2026-03-10T12:00", Site.AARHUS, "first");
        OverrideWindow second = override("2026-03-10T12:00", "2026-03-10T13:00", Site.COPENHAGEN, "second");
        Rotation rotation = rotation(RotationSchedule.defaults().withOverrides(List.of(second, first)));

        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-10T11:59")).site()).isEqualTo(Site.AARHUS);
        DutyAnswer atNoon = rotation.onDuty(Line.NATIONAL, local("2026-03-10T12:00"));
        assertThat(atNoon.site()).isEqualTo(Site.COPENHAGEN);
        assertThat(atNoon.rule().site().explanation()).endsWith("(second)");
    }

    @Test
    void nextChangeAtNamesTheStartAndTheEndOfAnOverride() {
        OverrideWindow window = override("2026-03-10T12:00", "2026-03-10T13:30", Site.AARHUS, "lunch cover");
        Rotation rotation = rotation(RotationSchedule.defaults().withOverrides(List.of(window)));

        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-10T10:00")).nextChangeAt())
                .isEqualTo(local("2026-03-10T12:00"));
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-10T12:15")).nextChangeAt())
                .isEqualTo(local("2026-03-10T13:30"));
        assertThat(rotation.onDuty(Line.NATIONAL, local("2026-03-10T13:30")).nextChangeAt())
                .isEqualTo(local("2026-03-10T15:00"));
    }

    @Test
    void overrideToTheSiteAlreadyOnDutyIsNoChange() {
        OverrideWindow window = override("2026-03-10T12:00", "2026-03-10T13:00", Site.COPENHAGEN, "same site");
        Rotation rotation = rotation(RotationSchedule.defaults().withOverrides(List.of(window)));

        DutyAnswer answer = rotation.onDuty(Line.NATIONAL, local("2026-03-10T10:00"));

        assertThat(answer.nextChangeAt()).isEqualTo(local("2026-03-10T15:00"));
    }

    @Test
    void overrideDoesNotChangeOpeningHours() {
        OverrideWindow window = override("2026-03-14T00:00", "2026-03-16T00:00", Site.AARHUS, "weekend");
        Rotation rotation = rotation(RotationSchedule.defaults().withOverrides(List.of(window)));

        DutyAnswer saturday = rotation.onDuty(Line.NATIONAL, local("2026-03-14T10:00"));

        assertThat(saturday.site()).isEqualTo(Site.AARHUS);
        assertThat(saturday.open()).isFalse();
        assertThat(saturday.rule().open().kind()).isEqualTo(RuleKind.OUTSIDE_HOURS);
    }

    @Test
    void copenhagenLocalLineIsAlwaysCopenhagen() {
        Rotation rotation = rotation(RotationSchedule.defaults()
                .withMonthAssignments(List.of(MARCH_TO_AARHUS))
                .withOverrides(List.of(override("2026-03-10T00:00", "2026-03-20T00:00", Site.AARHUS, "x"))));

        for (String at : List.of("2026-02-10T10:00", "2026-03-02T10:00", "2026-03-12T10:00", "2026-04-07T10:00")) {
            DutyAnswer answer = rotation.onDuty(Line.COPENHAGEN_LOCAL, local(at));
            assertThat(answer.site()).as(at).isEqualTo(Site.COPENHAGEN);
            assertThat(answer.rule().site().kind()).isEqualTo(RuleKind.LOCAL_LINE);
            assertThat(answer.rule().site().explanation()).isEqualTo("the Copenhagen local line is always COPENHAGEN");
        }
    }

    @Test
    void copenhagenLocalLineChangesOnlyWithItsOpeningHours() {
        DutyAnswer answer = RotationFixtures.defaultRotation().onDuty(Line.COPENHAGEN_LOCAL, local("2026-05-29T16:00"));

        // Friday after closing; the month changes at midnight but not the local line's site
        assertThat(answer.open()).isFalse();
        assertThat(answer.nextChangeAt()).isEqualTo(local("2026-06-01T09:00"));
    }

    @Test
    void answerRepeatsTheLineAndTheInstantAsked() {
        Instant at = local("2026-03-10T10:00");

        DutyAnswer answer = RotationFixtures.defaultRotation().onDuty(Line.COPENHAGEN_LOCAL, at);

        assertThat(answer.line()).isEqualTo(Line.COPENHAGEN_LOCAL);
        assertThat(answer.at()).isEqualTo(at);
    }
}
