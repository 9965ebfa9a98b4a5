package io.planscore.engine.rules;

import io.planscore.engine.calc.Decimals;
import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.Inputs;
import io.planscore.engine.calc.MeasureValue;
import io.planscore.engine.calc.Outcome;

import java.math.BigDecimal;
import java.util.Objects;

import static io.planscore.engine.calc.Decimals.format;

/**
 * {@code max(floor_points, base_points − deduction_per_incident × incidents)}; the floor is 0 when unstated.
 * Zero incidents must be reported like any actual: no report is PENDING, not full points.
 */
public record DeductionPerIncidentRule(BigDecimal basePoints, BigDecimal deductionPerIncident,
                                       BigDecimal floorPoints) implements PointRule {

    public DeductionPerIncidentRule {
        RuleText.positive(basePoints, "base_points");
        RuleText.present(deductionPerIncident, "deduction_per_incident");
        floorPoints = Objects.requireNonNullElse(floorPoints, BigDecimal.ZERO);
    }

    public String type() {
        return "deduction_per_incident";
    }

    public String definition() {
        return RuleText.definition(type(), "base_points", basePoints, "deduction_per_incident",
                deductionPerIncident, "floor_points", floorPoints);
    }

    public BigDecimal maxPoints() {
        return basePoints;
    }

    public Outcome evaluate(Inputs in, Derivation trace) {
        MeasureValue incidents = in.value();
        if (!incidents.isPresent()) {
            return incidents.unavailable();
        }
        BigDecimal raw = basePoints.subtract(deductionPerIncident.multiply(incidents.value()));
        BigDecimal points = Decimals.clamp(raw, floorPoints, basePoints);
        trace.add("points = max(" + format(floorPoints) + ", " + format(basePoints) + " − "
                + format(deductionPerIncident) + " × " + format(incidents.value()) + ") = " + format(points));
        return Outcome.earned(points, basePoints);
    }
}
