package dk.hotline.core.console;

import dk.hotline.contracts.vocabulary.PauseReason;
import dk.hotline.core.presence.AdapterPresence;
import dk.hotline.core.presence.QueueState;
import dk.hotline.core.screen.PresenceMsg;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The console's "your phone in the queue" box in Danish: where the advisor stands, which buttons make sense, and the
 * message beside the reason field when a pause was asked for without one. {@code state} is null when unknown.
 */
public record PresencePanel(QueueState state, String text, String wrapUp, String notApplied, String error,
                            String reasonError, List<Option> reasons) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.of("Europe/Copenhagen"));

    public record Option(String code, String label) {
    }

    public boolean signedIn() {
        return state == QueueState.AVAILABLE || state == QueueState.PAUSED;
    }

    public boolean paused() {
        return state == QueueState.PAUSED;
    }

    static PresencePanel of(AdapterPresence.Presence p, PresenceMsg msg, String error, String reasonError) {
        List<Option> reasons = Arrays.stream(PauseReason.values()).map(r -> new Option(r.name(), reason(r, msg))).toList();
        if (p == null) {
            return new PresencePanel(null, msg.presence_state_unknown(), null, null, error, reasonError, reasons);
        }
        String text = switch (p.state()) {
            case AVAILABLE -> msg.presence_state_AVAILABLE();
            case PAUSED -> msg.presence_state_PAUSED(p.reason() == null ? msg.pause_reason_OTHER() : reason(p.reason(), msg));
            case SIGNED_OUT -> msg.presence_state_SIGNED_OUT();
        };
        String wrapUp = p.wrapUpUntil() == null ? null : msg.presence_wrap_up_until(TIME.format(p.wrapUpUntil()));
        return new PresencePanel(p.state(), text, wrapUp, p.applied() ? null : msg.presence_not_applied(), error,
                reasonError, reasons);
    }

    /** A reason code as a supervisor or advisor reads it; codes from outside the hotline read as "other". */
    public static String reason(String code, PresenceMsg msg) {
        return PauseReason.ofCode(code).map(r -> reason(r, msg)).orElse(msg.pause_reason_OTHER());
    }

    static String reason(PauseReason r, PresenceMsg msg) {
        return switch (r) {
            case BREAK -> msg.pause_reason_BREAK();
            case SUPERVISION -> msg.pause_reason_SUPERVISION();
            case WRAP_UP -> msg.pause_reason_WRAP_UP();
        };
    }
}
