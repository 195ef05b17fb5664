package dk.hotline.platform.problem;

import java.util.List;

/**
 * Thrown by adapters (REST resources, services) for a request that cannot be
 * honoured; the {@link ProblemMapper} turns it into problem+json. Nothing has
 * been changed when it is thrown.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 400: one field is malformed (cannot be parsed at all, or is out of what the API takes). */
    public static ProblemException badField(String field, String message) {
        return new ProblemException(400, ProblemMapper.INVALID_INPUT, "Invalid input", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** 422: well-formed, but breaks a rule of the domain. */
    public static ProblemException unprocessable(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(422, "rule-violated", "The request breaks a rule", detail, errors);
    }

    /** 409: conflicts with the current state (a stale version, a duplicate, a finished referral). */
    public static ProblemException conflict(String slug, String title, String detail, List<Problem.FieldError> errors) {
        return new ProblemException(409, slug, title, detail, errors);
    }

    /** 409 with the generic conflict type. */
    public static ProblemException conflict(String detail) {
        return conflict("conflict", "Conflict with the current state", detail, List.of());
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found", List.of());
    }

    public Problem toProblem() {
        return Problem.of(status, slug, title, getMessage(), errors);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
