package dk.hotline.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * The one place where failures become HTTP answers, in every service: every error is
 * application/problem+json (RFC 9457), bad input is always 4xx naming the field (or the
 * line and column of a syntax error), an unreachable database is a 503 with Retry-After
 * ({@link StorageOutage}), and an unexpected failure is a 500 that reveals nothing (the log
 * holds the class name only, never request data).
 *
 * <p>One method per exception family, each more specific than the built-in mapper
 * Quarkus would otherwise choose (Jackson's, Hibernate Validator's and the security
 * extension's answer without a problem body). A service maps its own domain exceptions
 * in a small mapper of its own that delegates to {@link #answer(Problem)}.
 */
public class ProblemMapper {

    public static final String INVALID_INPUT = "invalid-input";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String RETRY_AFTER_SECONDS = "3";

    /** A 503 (another service this one needs is away) says when to try again, as the database outage's does. */
    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response answer = answer(e.toProblem());
        return e.status() == 503 ? Response.fromResponse(answer).header("Retry-After", RETRY_AFTER_SECONDS).build() : answer;
    }

    @ServerExceptionMapper
    public Response violation(ResteasyReactiveViolationException e) {
        return invalid(e);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return answer(Problem.of(400, INVALID_INPUT, "Invalid input",
                errors.stream().map(x -> x.field() + ": " + x.message()).collect(Collectors.joining("; ")), errors));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return answer(unreadable(e));
    }

    /** Named separately: Quarkus has built-in mappers for these subtypes that would win otherwise. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return answer(unreadable(e));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return answer(unreadable(e));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return answer(unreadable(e));
    }

    @ServerExceptionMapper
    public Response badFormat(InvalidFormatException e) {
        return answer(unreadable(e));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return answer(unauthenticatedProblem());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return answer(unauthenticatedProblem());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return answer(Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this", List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return answer(unreadable(json));
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        return answer(httpStatus(status));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Throwable t = unwrap(e);
        if (t != e) {
            if (t instanceof ProblemException p) {
                return problem(p);
            }
            if (t instanceof ConstraintViolationException v) {
                return invalid(v);
            }
            if (t instanceof JsonProcessingException j) {
                return unreadableJson(j);
            }
            if (t instanceof WebApplicationException w) {
                return web(w);
            }
        }
        if (StorageOutage.in(e)) {
            LOG.warnf("Database or a needed service unreachable, answered 503: %s", t.getClass().getName());
            return Response.fromResponse(answer(Problem.of(503, "unavailable", "Service unavailable",
                    "The service cannot reach its database just now; send the same request again in a few seconds "
                            + "(with the same Idempotency-Key where it takes one)", List.of())))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.errorf("Unexpected failure: %s", t.getClass().getName());
        LOG.debug("Unexpected failure", t);
        return answer(Problem.of(500, "internal", "Internal error",
                "Something went wrong on our side; nothing was changed by this request", List.of()));
    }

    /** The problem for a status a filter or the HTTP layer sets by itself (404, 405, 406, 413, 415...). */
    public static Problem httpStatus(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Request rejected";
        String detail = switch (status) {
            case 413 -> "The request body is larger than this service accepts";
            case 415 -> "The request body must be application/json";
            default -> title;
        };
        return Problem.of(status, "http-" + status, title, detail, List.of());
    }

    public static Problem unauthenticatedProblem() {
        return Problem.of(401, "unauthenticated", "Authentication required", "A valid bearer token is required", List.of());
    }

    public static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** A body Jackson could not read: a syntax error names its line and column, anything else the field. */
    static Problem unreadable(JsonProcessingException e) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException)) {
            JsonLocation at = e.getLocation();
            String message = at == null ? "is not valid JSON"
                    : "is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return Problem.of(400, INVALID_INPUT, "Invalid input", "body " + message,
                    List.of(new Problem.FieldError("body", message)));
        }
        JsonMappingException m = (JsonMappingException) e;
        String field = pathOf(m);
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        } else if (e instanceof MismatchedInputException mi && mi.getTargetType() != null && mi.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.stream(mi.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            message = "has the wrong format for " + describe(f.getTargetType());
        } else if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            message = "has the wrong type: expected " + describe(mi.getTargetType());
        } else if (field.isEmpty()) {
            message = "cannot be read as the expected JSON document";
        } else {
            message = "has the wrong type or format";
        }
        String name = field.isEmpty() ? "body" : field;
        return Problem.of(400, INVALID_INPUT, "Invalid input", name + " " + message,
                List.of(new Problem.FieldError(name, message)));
    }

    private static String describe(Class<?> type) {
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "a number";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.getName().startsWith("java.time.")) {
            return "a " + type.getSimpleName() + " in ISO-8601 form";
        }
        if (java.util.UUID.class == type) {
            return "a UUID";
        }
        return "an object";
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current != current.getCause()
                && (current instanceof CompletionException || current.getClass() == RuntimeException.class)) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * "update.command.overrides[2].from" → "overrides[2].from": the method and the
     * body parameter are not fields the client knows; a constrained query
     * parameter is named by itself.
     */
    static String fieldOf(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        String parameter = "";
        for (Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, BEAN, CONTAINER_ELEMENT -> {
                    // Hibernate Validator puts a list index on the node after the list.
                    if (node.isInIterable()) {
                        field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (node.getName() != null) {
                        if (field.length() > 0) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
                default -> {
                    // method, constructor, return value: not a field of the request
                }
            }
        }
        return field.length() > 0 ? field.toString() : parameter;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
