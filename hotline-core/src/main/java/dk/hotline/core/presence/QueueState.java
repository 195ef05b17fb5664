package dk.hotline.core.presence;

/** An advisor in their site's queue: offered calls, paused with a reason, or not a member. Same codes as the adapter. */
public enum QueueState {
    AVAILABLE, PAUSED, SIGNED_OUT
}
