package io.planscore.engine.rules;

import io.planscore.engine.Flag;
import io.planscore.engine.calc.Decimals;
import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.Inputs;
import io.planscore.engine.calc.MeasureValue;
import io.planscore.engine.calc.Outcome;

import java.math.BigDecimal;
import java.util.Objects;

import static io.planscore.engine.calc.Decimals.format;

/** {@code max_points × done / scheduled}, from two component symbols the plan reader names. */
public record ProportionalRule(BigDecimal maxPoints, String doneComponent, String scheduledComponent)
        implements PointRule {

    public ProportionalRule {
        RuleText.positive(maxPoints, "max_points");
        Objects.requireNonNull(doneComponent, "doneComponent");
        Objects.requireNonNull(scheduledComponent, "scheduledComponent");
    }

    public String type() {
        return "proportional";
    }

    public String definition() {
        return RuleText.definition(type(), "max_points", maxPoints, "done", doneComponent,
                "scheduled", scheduledComponent);
    }

    public Outcome evaluate(Inputs in, Derivation trace) {
        MeasureValue done = in.component(doneComponent);
        MeasureValue scheduled = in.component(scheduledComponent);
        if (!done.isPresent()) {
            return done.unavailable();
        }
        if (!scheduled.isPresent()) {
            return scheduled.unavailable();
        }
        if (scheduled.value().signum() == 0) {
            trace.add("points: " + scheduledComponent + " is 0, nothing scheduled to divide by");
            return Outcome.notScored(Flag.DIVISION_BY_ZERO);
        }
        BigDecimal raw = Decimals.divide(maxPoints.multiply(done.value()), scheduled.value());
        BigDecimal points = Decimals.clamp(raw, BigDecimal.ZERO, maxPoints);
        trace.add("points = " + format(maxPoints) + " × " + format(done.value()) + " / " + format(scheduled.value())
                + " = " + format(raw) + (points.compareTo(raw) != 0 ? " → clamped to " + format(points) : ""));
        return Outcome.earned(points, maxPoints);
    }
}
