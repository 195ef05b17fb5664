package dk.hotline.platform.crypto;

import io.smallrye.config.ConfigMapping;

/** Encryption keys for personal fields, from the environment only (HOTLINE_DATA_KEYS, HOTLINE_DATA_KEY_CURRENT). */
@ConfigMapping(prefix = "hotline.data-keys")
public interface DataKeys {

    /** {@code id1:base64(32 bytes),id2:base64(32 bytes)} */
    String keys();

    /** The key id new values are encrypted with. */
    String current();
}
