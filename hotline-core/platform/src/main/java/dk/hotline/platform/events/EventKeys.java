package dk.hotline.platform.events;

import io.smallrye.config.ConfigMapping;

/**
 * Keys that seal the personal fields of events between core and routing, from the
 * environment only (HOTLINE_EVENT_KEYS, HOTLINE_EVENT_KEY_CURRENT). Both services hold the
 * same set; they are not the database keys (HOTLINE_DATA_KEYS), which each service keeps
 * to itself.
 */
@ConfigMapping(prefix = "hotline.event-keys")
public interface EventKeys {

    /** {@code id1:base64(32 bytes),id2:base64(32 bytes)}; old ids stay while events sealed with them may be read. */
    String keys();

    /** The key id new event fields are sealed with. */
    String current();
}
