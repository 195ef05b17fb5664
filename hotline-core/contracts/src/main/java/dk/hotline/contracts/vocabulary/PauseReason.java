package dk.hotline.contracts.vocabulary;

import java.util.Optional;

/**
 * Why an advisor is paused in the queue (signed in, but not offered calls). The code is what the telephony adapter
 * sends as AMI {@code QueuePause} {@code Reason} and reads back from {@code QueueMember PausedReason}, so a pause
 * reads the same on the board after a reconnect.
 */
public enum PauseReason implements Vocabulary {
    BREAK("Pause", "Break"),
    SUPERVISION("Supervision", "Supervision"),
    WRAP_UP("Efterbehandling", "Follow-up work after a call");

    private final String da;
    private final String en;

    PauseReason(String da, String en) {
        this.da = da;
        this.en = en;
    }

    @Override public String da() { return da; }
    @Override public String en() { return en; }

    /** The reason by its code; empty for anything else (another tool's free text, blank). */
    public static Optional<PauseReason> ofCode(String code) {
        for (PauseReason r : values()) {
            if (r.name().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
