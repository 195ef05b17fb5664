package dk.hotline.core.advice.domain;

/** One broken rule, named by the request field that breaks it. */
public record FieldProblem(String field, String message) {
}
