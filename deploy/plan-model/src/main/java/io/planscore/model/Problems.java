package io.planscore.model;

/**
 * Where the checks of a plan document report what is wrong: the JSON path of the offending value (as
 * {@code goals[2].indicators[0].formula.expression}), a stable code and a sentence for the plan's author.
 * plans-service turns each into a field error of its 422 problem.
 */
@FunctionalInterface
public interface Problems {

    void add(String path, String code, String message);
}
