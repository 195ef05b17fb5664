package dk.hotline.routing.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dk.hotline.routing.referral.domain.ActionConflictException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one exception mapper of the service (one class, one method per exception family): every failure becomes {@code application/problem+json} (RFC 9457) with
 * type, title, status, detail and an {@code errors} array of {field, message}. Bad input is 4xx, never 500.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_BASE = "https://hotline.dk/problems/";

    public record Problem(String type, String title, int status, String detail, List<ApiException.FieldError> errors) {
    }

    /** Validation failures of request records (more specific than Quarkus' own violation mapper). */
    @ServerExceptionMapper(ResteasyReactiveViolationException.class)
    public Response violation(ResteasyReactiveViolationException failure) {
        return toResponse(failure);
    }

    /** Unreadable JSON bodies (more specific than the Jackson extension's own mappers). */
    @ServerExceptionMapper({MismatchedInputException.class, JsonProcessingException.class})
    public Response unreadable(Exception failure) {
        return toResponse(failure);
    }

    /** Role checks (more specific than the security extension's own mappers, which answer without a body). */
    @ServerExceptionMapper({ForbiddenException.class, UnauthorizedException.class, AuthenticationFailedException.class})
    public Response security(RuntimeException failure) {
        return toResponse(failure);
    }

    @ServerExceptionMapper(Throwable.class)
    public Response toResponse(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ApiException e) {
            return problem(e.status(), e.type(), e.title(), e.getMessage(), e.errors());
        }
        if (t instanceof ConstraintViolationException e) {
            List<ApiException.FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new ApiException.FieldError(field(v.getPropertyPath().toString()), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(ApiException.FieldError::field)).toList();
            return problem(400, "validation", "Invalid request",
                    errors.stream().map(x -> x.field() + ": " + x.message()).collect(Collectors.joining("; ")), errors);
        }
        if (t instanceof ActionConflictException e) {
            return problem(409, "conflict", "Conflict with the referral's state", e.getMessage(), List.of());
        }
        if (t instanceof JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String name = field.isEmpty() ? "body" : field;
            return problem(400, "validation", "Invalid request", name + ": unreadable value",
                    List.of(new ApiException.FieldError(name, "unreadable value")));
        }
        if (t instanceof JsonProcessingException) {
            return problem(400, "validation", "Invalid request", "body: not valid JSON",
                    List.of(new ApiException.FieldError("body", "not valid JSON")));
        }
        if (t instanceof UnauthorizedException || t instanceof AuthenticationFailedException) {
            return problem(401, "unauthorized", "Not authenticated", "a valid bearer token is required", List.of());
        }
        if (t instanceof ForbiddenException) {
            return problem(403, "forbidden", "Forbidden", "your role does not allow this", List.of());
        }
        if (t instanceof WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String title = Response.Status.fromStatusCode(status) != null
                    ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
            return problem(status, "http-" + status, title, status >= 500 ? "internal error" : title, List.of());
        }
        LOG.errorf("Unexpected failure: %s", t.getClass().getName());
        return problem(500, "internal", "Internal error", "internal error", List.of());
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current != current.getCause()
                && !(current instanceof ApiException) && !(current instanceof JsonProcessingException)
                && !(current instanceof ConstraintViolationException)
                && (current instanceof java.util.concurrent.CompletionException
                || current.getClass() == RuntimeException.class
                || (current instanceof WebApplicationException && current.getCause() instanceof JsonProcessingException))) {
            current = current.getCause();
        }
        return current;
    }

    /** "reject.request.reason" → "reason": the client knows its own field, not our method and parameter names. */
    private static String field(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    static Response problem(int status, String type, String title, String detail, List<ApiException.FieldError> errors) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new Problem(TYPE_BASE + type, title, status, detail, errors)).build();
    }
}
