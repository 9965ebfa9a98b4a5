package io.planscore.engine.calc;

import java.util.ArrayList;
import java.util.List;

/**
 * The human-readable steps that explain one indicator's score. A prefixed view writes into the same list, so
 * sub-computations (a baseline year, a compound part, a summed rule component) stay in reading order.
 */
public final class Derivation {

    private final List<String> steps;
    private final String prefix;

    public Derivation() {
        this(new ArrayList<>(), "");
    }

    private Derivation(List<String> steps, String prefix) {
        this.steps = steps;
        this.prefix = prefix;
    }

    public void add(String step) {
        steps.add(prefix + step);
    }

    /** Appends to the latest step, e.g. " → clamped to 1" after the achievement it clamps. */
    public void amendLast(String suffix) {
        if (steps.isEmpty()) {
            steps.add(prefix + suffix.strip());
        } else {
            steps.set(steps.size() - 1, steps.get(steps.size() - 1) + suffix);
        }
    }

    public Derivation prefixed(String more) {
        return new Derivation(steps, prefix + more);
    }

    public List<String> steps() {
        return List.copyOf(steps);
    }
}
