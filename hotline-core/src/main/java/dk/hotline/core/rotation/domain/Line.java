package dk.hotline.core.rotation.domain;

/**
 * The phone lines. {@code NATIONAL} follows the monthly rotation;
 * {@code COPENHAGEN_LOCAL} is Copenhagen's own line and always goes to Copenhagen.
 */
public enum Line {
    NATIONAL,
    COPENHAGEN_LOCAL
}
