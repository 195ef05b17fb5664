package dk.hotline.core.problem;

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
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 400: one field is malformed (cannot be parsed at all). */
    public static ProblemException badField(String field, String message) {
        return new ProblemException(400, "invalid-input", "Invalid input", message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** 422: well-formed, but breaks a rule of the domain. */
    public static ProblemException unprocessable(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(422, "rule-violated", "The request breaks a rule", detail, errors);
    }

    /** 409: conflicts with the current state (a stale version, a duplicate). */
    public static ProblemException conflict(String slug, String title, String detail, List<Problem.FieldError> errors) {
        return new ProblemException(409, slug, title, detail, errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found", List.of());
    }

    public Problem toProblem() {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), errors);
    }

    public int status() {
        return status;
    }
}
