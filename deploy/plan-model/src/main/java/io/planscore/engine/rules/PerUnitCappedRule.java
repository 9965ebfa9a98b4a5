package io.planscore.engine.rules;

import io.planscore.engine.calc.Decimals;
import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.Inputs;
import io.planscore.engine.calc.MeasureValue;
import io.planscore.engine.calc.Outcome;

import java.math.BigDecimal;

import static io.planscore.engine.calc.Decimals.format;

/** {@code points_per_unit × min(n, cap_units)}, at most {@code max_points}. */
public record PerUnitCappedRule(BigDecimal pointsPerUnit, BigDecimal capUnits, BigDecimal maxPoints)
        implements PointRule {

    public PerUnitCappedRule {
        RuleText.positive(pointsPerUnit, "points_per_unit");
        RuleText.positive(capUnits, "cap_units");
        RuleText.positive(maxPoints, "max_points");
    }

    public String type() {
        return "per_unit_capped";
    }

    public String definition() {
        return RuleText.definition(type(), "points_per_unit", pointsPerUnit, "cap_units", capUnits,
                "max_points", maxPoints);
    }

    public Outcome evaluate(Inputs in, Derivation trace) {
        MeasureValue n = in.value();
        if (!n.isPresent()) {
            return n.unavailable();
        }
        BigDecimal units = Decimals.clamp(n.value(), BigDecimal.ZERO, capUnits);
        BigDecimal raw = pointsPerUnit.multiply(units);
        BigDecimal points = Decimals.min(raw, maxPoints);
        trace.add("points = " + format(pointsPerUnit) + " × min(" + format(n.value()) + ", " + format(capUnits)
                + ") = " + format(raw) + (points.compareTo(raw) < 0 ? " → at most " + format(maxPoints) : ""));
        return Outcome.earned(points, maxPoints);
    }
}
