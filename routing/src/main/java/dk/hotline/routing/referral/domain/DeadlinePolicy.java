package dk.hotline.routing.referral.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * When a referral is overdue. The deadline itself is not computed here: core computes it once
 * ({@link dk.hotline.contracts.rules.Deadlines}) and routing keeps the event's {@code deadlineAt}
 * (docs/decisions/deadlines.md). Deadlines are shown in Europe/Copenhagen time.
 */
public final class DeadlinePolicy {

    public static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final Clock clock;

    public DeadlinePolicy(Clock clock) {
        this.clock = clock;
    }

    /** Overdue: not acknowledged and the deadline has passed (a deadline of exactly now is not yet overdue). */
    public boolean overdue(Instant deadlineAt, Progress progress) {
        return !progress.acknowledged() && clock.instant().isAfter(deadlineAt);
    }

    public Instant now() {
        return clock.instant();
    }

    /** Human reason for the overdue/escalated events. */
    public String overdueReason(Instant deadlineAt, String site) {
        return "Not acknowledged by its deadline " + SHOWN.format(deadlineAt.atZone(COPENHAGEN))
                + " (Europe/Copenhagen); escalated to the supervisors of the on-duty site " + site;
    }
}
