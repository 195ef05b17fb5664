package dk.hotline.telephony.call.domain;

/** The states of a call's life cycle as published on hotline.calls. */
public enum CallState {
    OFFERED,
    QUEUED,
    CONNECTED,
    ENDED,
    ABANDONED,
    CLOSED;

    public String eventType() {
        return "dk.hotline.call." + name().toLowerCase(java.util.Locale.ROOT) + ".v1";
    }
}
