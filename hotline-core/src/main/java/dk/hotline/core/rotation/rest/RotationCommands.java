package dk.hotline.core.rotation.rest;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.core.rotation.domain.ReducedDay;
import dk.hotline.core.rotation.domain.ReducedDayMode;
import dk.hotline.contracts.vocabulary.Site;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** Request bodies of the rotation API, validated before anything is read or written. */
final class RotationCommands {

    static final int REASON_MAX = 500;

    private RotationCommands() {
    }

    record SetPattern(@NotNull YearMonth anchorMonth, @NotNull Site anchorSite) {
    }

    record AssignMonth(@NotNull Site site, @Size(max = REASON_MAX) String reason) {
    }

    record AddOverride(@NotNull OffsetDateTime from, @NotNull OffsetDateTime to, @NotNull Site site,
                       @NotBlank @Size(max = REASON_MAX) String reason) {
    }

    record Interval(@NotNull LocalTime opens, @NotNull LocalTime closes) {
    }

    record SetHours(@NotNull Map<DayOfWeek, List<@Valid @NotNull Interval>> days) {
    }

    record ReducedDaySetting(@NotNull ReducedDayMode mode, LocalTime closesAt) {
    }

    record SetClosureSettings(@NotNull Boolean publicHolidaysClosed,
                              @NotNull Map<ReducedDay, @Valid @NotNull ReducedDaySetting> reducedDays) {
    }

    record AddClosure(@NotNull LocalDate date, Line line, @NotBlank @Size(max = REASON_MAX) String reason) {
    }
}
