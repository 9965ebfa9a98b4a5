package io.planscore.plans.document;

import io.planscore.platform.problem.FieldError;

import java.util.List;

/** Every problem of a document at once: errors stop it, warnings are returned with the stored plan. */
public record ValidationReport(List<FieldError> errors, List<ValidationWarning> warnings) {

    public boolean valid() {
        return errors.isEmpty();
    }
}
