package dk.hotline.core.rotation.rest;

import dk.hotline.core.rotation.domain.DayPlan;
import dk.hotline.core.rotation.domain.Decision;
import dk.hotline.core.rotation.domain.DutyAnswer;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.core.rotation.domain.RotationSchedule;
import dk.hotline.contracts.vocabulary.Site;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** What the rotation API answers. Times are shown in Copenhagen time, with their offset. */
final class RotationViews {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private RotationViews() {
    }

    record RuleView(Decision site, Decision open, String summary) {
    }

    record OnDuty(Line line, OffsetDateTime at, Site site, boolean open, RuleView rule,
                  OffsetDateTime nextChangeAt, long scheduleVersion) {

        static OnDuty of(DutyAnswer answer, long version) {
            return new OnDuty(answer.line(), local(answer.at()), answer.site(), answer.open(),
                    new RuleView(answer.rule().site(), answer.rule().open(), answer.rule().summary()),
                    answer.nextChangeAt() == null ? null : local(answer.nextChangeAt()), version);
        }
    }

    record Calendar(Line line, LocalDate from, LocalDate to, long scheduleVersion, List<DayPlan> days) {
    }

    /** A dry run: what the schedule would be, and what it would answer, had the change been saved. */
    record DryRun(boolean saved, long basedOnVersion, RotationSchedule schedule, List<OnDuty> onDuty, Calendar calendar) {
    }

    static OffsetDateTime local(Instant instant) {
        return instant.atZone(COPENHAGEN).toOffsetDateTime();
    }
}
