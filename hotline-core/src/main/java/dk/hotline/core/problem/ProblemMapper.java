package dk.hotline.core.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dk.hotline.core.rotation.domain.RotationQueryException;
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
import java.util.stream.Collectors;

/**
 * The one place where failures become HTTP answers: every error is
 * application/problem+json, bad input is always 4xx naming the field, and an
 * unexpected failure is a 500 that reveals nothing (the log holds the class
 * name only, never request data).
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return answer(e.toProblem());
    }

    /** The rotation's own query checks (a range too long, a date out of support). */
    @ServerExceptionMapper
    public Response rotationQuery(RotationQueryException e) {
        return problem(ProblemException.badField(e.violation().field(), e.violation().message()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return answer(new Problem(Problem.TYPE_BASE + "invalid-input", "Invalid input", 400,
                "The request has " + errors.size() + " invalid field(s)", errors));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : "";
        String message;
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException f) {
            message = "has the wrong format for " + f.getTargetType().getSimpleName();
        } else if (field.isEmpty()) {
            message = "the body is not valid JSON";
        } else {
            message = "has the wrong type or format";
        }
        String name = field.isEmpty() ? "body" : field;
        return answer(new Problem(Problem.TYPE_BASE + "invalid-input", "Invalid input", 400,
                name + " " + message, List.of(new Problem.FieldError(name, message))));
    }

    /** Named separately: Quarkus has a built-in mapper for this subtype that would win otherwise. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return answer(new Problem(Problem.TYPE_BASE + "unauthenticated", "Authentication required", 401,
                "A valid bearer token is required", List.of()));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated(null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return answer(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "Your role does not allow this", List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Request rejected";
        return answer(new Problem(Problem.TYPE_BASE + "http-" + status, title, status, title, List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.errorf("Unexpected failure: %s", e.getClass().getName());
        LOG.debug("Unexpected failure", e);
        return answer(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "Something went wrong on our side; nothing was changed by this request", List.of()));
    }

    private static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * "update.command.overrides[2].from" → "overrides[2].from": the method and the
     * body parameter are not fields the client knows; a constrained query
     * parameter is named by itself.
     */
    private static String fieldOf(ConstraintViolation<?> v) {
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
