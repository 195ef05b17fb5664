package dk.hotline.contracts.vocabulary;

/**
 * The two inbound hotline numbers. {@code NATIONAL} follows the monthly rotation; {@code COPENHAGEN_LOCAL} is
 * Copenhagen's own line: its calls always go to Copenhagen and its concerns to Copenhagen's coordination unit.
 */
public enum Line {
    NATIONAL,
    COPENHAGEN_LOCAL
}
