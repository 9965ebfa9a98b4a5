package io.planscore.engine.rules;

import io.planscore.engine.Flag;
import io.planscore.engine.calc.Decimals;
import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.Inputs;
import io.planscore.engine.calc.Outcome;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static io.planscore.engine.calc.Decimals.format;

/**
 * The sum of its component rules, at most {@code max_points} (the components' maxima when unstated). PENDING
 * while any component is: the parts are one indicator and score together.
 */
public record SumRule(List<PointRule> components, BigDecimal maxPoints) implements PointRule {

    public SumRule {
        components = List.copyOf(components);
        if (components.isEmpty()) {
            throw new IllegalArgumentException("sum needs at least one component rule");
        }
        maxPoints = RuleText.positive(Objects.requireNonNullElse(maxPoints, components.stream()
                .map(PointRule::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add)), "max_points");
    }

    public String type() {
        return "sum";
    }

    public String definition() {
        return RuleText.definition(type(), "components",
                components.stream().map(PointRule::definition).toList(), "max_points", maxPoints);
    }

    public Outcome evaluate(Inputs in, Derivation trace) {
        List<BigDecimal> parts = new ArrayList<>();
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        boolean pending = false;
        for (int i = 0; i < components.size(); i++) {
            PointRule component = components.get(i);
            Outcome outcome = component.evaluate(in, trace.prefixed("part " + (i + 1) + " (" + component.type() + "): "));
            flags.addAll(outcome.flags());
            if (outcome instanceof Outcome.NotScored) {
                return outcome;
            }
            if (outcome instanceof Outcome.Scored scored) {
                parts.add(scored.points());
            } else {
                pending = true;
            }
        }
        if (pending) {
            return new Outcome.Pending(flags);
        }
        BigDecimal raw = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal points = Decimals.min(raw, maxPoints);
        trace.add("points = " + parts.stream().map(Decimals::format).collect(Collectors.joining(" + ")) + " = "
                + format(raw) + (points.compareTo(raw) < 0 ? " → at most " + format(maxPoints) : ""));
        return Outcome.earned(points, maxPoints).withFlags(flags);
    }
}
