package dk.hotline.core.rotation.domain;

/** A query the rotation refuses (range reversed or too long, instant outside the supported years). */
public class RotationQueryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Violation violation;

    public RotationQueryException(String field, String message) {
        super(field + ": " + message);
        this.violation = new Violation(field, message);
    }

    public Violation violation() {
        return violation;
    }
}
