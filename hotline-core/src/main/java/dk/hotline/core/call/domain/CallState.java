package dk.hotline.core.call.domain;

/** The states of dk.hotline.call.*.v1, in life-cycle order. */
public enum CallState {
    OFFERED, QUEUED, CONNECTED, ENDED, ABANDONED, CLOSED;

    public boolean isFinal() {
        return this == ENDED || this == ABANDONED || this == CLOSED;
    }
}
