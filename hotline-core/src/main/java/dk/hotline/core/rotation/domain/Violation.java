package dk.hotline.core.rotation.domain;

/** One reason a schedule or query is refused: the field path (e.g. {@code overrides[2].from}) and a message. */
public record Violation(String field, String message) {
}
