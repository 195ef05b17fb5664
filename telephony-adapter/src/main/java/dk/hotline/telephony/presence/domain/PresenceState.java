package dk.hotline.telephony.presence.domain;

/** Where an advisor stands in their site's queue. */
public enum PresenceState {
    /** Signed in and offered calls. */
    AVAILABLE,
    /** Signed in, not offered calls, with a {@link dk.hotline.contracts.vocabulary.PauseReason}. */
    PAUSED,
    /** Not a member of the queue. */
    SIGNED_OUT
}
