package dk.hotline.core.contact.domain;

/** A draft may change freely; a final log changes only through amendments. */
public enum ContactStatus {
    DRAFT,
    FINAL
}
