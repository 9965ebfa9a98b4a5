package io.planscore.plans.document;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/**
 * Something odd about a document that does not stop it from being stored, e.g. weights that do not add
 * up: {@code expected} is the parent's weight, {@code actual} the sum of its children's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationWarning(String field, String code, String message, BigDecimal expected, BigDecimal actual) {

    public static ValidationWarning of(String field, String code, String message) {
        return new ValidationWarning(field, code, message, null, null);
    }
}
