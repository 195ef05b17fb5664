package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.vocabulary.Site;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Shared helpers for the rotation tests: a fixed clock, local-time instants, overrides. */
final class RotationFixtures {

    /** A fixed clock in UTC, on purpose not in Copenhagen: the rotation must not depend on the clock's zone. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    private RotationFixtures() {
    }

    static Rotation rotation(RotationSchedule schedule) {
        return new Rotation(schedule, CLOCK);
    }

    static Rotation defaultRotation() {
        return rotation(RotationSchedule.defaults());
    }

    /** An instant given as Copenhagen local date-time, e.g. "2026-03-02T09:00". */
    static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Rotation.ZONE).toInstant();
    }

    static LocalDate date(String date) {
        return LocalDate.parse(date);
    }

    static OverrideWindow override(String fromLocal, String toLocal, Site site, String reason) {
        return new OverrideWindow(UUID.nameUUIDFromBytes((fromLocal + toLocal).getBytes()),
                local(fromLocal), local(toLocal), site, reason);
    }
}
