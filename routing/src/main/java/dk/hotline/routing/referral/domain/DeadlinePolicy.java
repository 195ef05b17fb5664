package dk.hotline.routing.referral.domain;

import dk.hotline.routing.recipient.domain.Severity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Deadlines for acting on a referral: HIGH 24 h, MEDIUM 48 h, LOW 72 h after creation; ACUTE 1 h (it is a police
 * matter and goes to the district directly; the hour is only how long routing waits for the acknowledgement before
 * escalating). Core sets {@code deadlineAt} on the event and routing keeps it; the policy fills in when it is absent.
 * Hours are elapsed hours; they are shown in Europe/Copenhagen time.
 */
public final class DeadlinePolicy {

    public static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final Clock clock;

    public DeadlinePolicy(Clock clock) {
        this.clock = clock;
    }

    public static Duration allowance(Severity severity) {
        return switch (severity) {
            case ACUTE -> Duration.ofHours(1);
            case HIGH -> Duration.ofHours(24);
            case MEDIUM -> Duration.ofHours(48);
            case LOW -> Duration.ofHours(72);
        };
    }

    /** The event's deadline when core set one, else creation + allowance. */
    public Instant deadline(Instant given, Severity severity, Instant createdAt) {
        return given != null ? given : ZonedDateTime.ofInstant(createdAt, COPENHAGEN).plus(allowance(severity)).toInstant();
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
