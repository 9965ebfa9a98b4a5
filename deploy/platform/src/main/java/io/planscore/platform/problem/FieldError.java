package io.planscore.platform.problem;

/**
 * One thing wrong with a request, located by a path into the body ({@code goals[3].indicators[1].targets[0]}),
 * with a stable machine-readable code and a sentence a person can act on.
 */
public record FieldError(String field, String code, String message) {
}
