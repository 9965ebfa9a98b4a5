package io.planscore.engine.rules;

import io.planscore.engine.calc.Decimals;
import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.Inputs;
import io.planscore.engine.calc.MeasureValue;
import io.planscore.engine.calc.Outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import static io.planscore.engine.calc.Decimals.format;

/**
 * Below the threshold: {@code below_threshold_points} (0 when unstated); else
 * {@code min(max_points, base_points + points_per_step × floor((v − threshold) / step_size))}, the floor taken
 * of the exact quotient ("每滿 5%" = whole steps).
 */
public record BasePlusStepsRule(BigDecimal threshold, boolean thresholdInclusive, BigDecimal basePoints,
                                BigDecimal stepSize, BigDecimal pointsPerStep, BigDecimal maxPoints,
                                BigDecimal belowThresholdPoints) implements PointRule {

    public BasePlusStepsRule {
        RuleText.present(threshold, "threshold");
        RuleText.present(basePoints, "base_points");
        RuleText.positive(stepSize, "step_size");
        RuleText.present(pointsPerStep, "points_per_step");
        RuleText.positive(maxPoints, "max_points");
        belowThresholdPoints = Objects.requireNonNullElse(belowThresholdPoints, BigDecimal.ZERO);
    }

    public String type() {
        return "base_plus_steps";
    }

    public String definition() {
        return RuleText.definition(type(), "threshold", threshold, "threshold_inclusive", thresholdInclusive,
                "base_points", basePoints, "step_size", stepSize, "points_per_step", pointsPerStep,
                "max_points", maxPoints, "below_threshold_points", belowThresholdPoints);
    }

    public Outcome evaluate(Inputs in, Derivation trace) {
        MeasureValue measured = in.value();
        if (!measured.isPresent()) {
            return measured.unavailable();
        }
        BigDecimal v = measured.value();
        int c = v.compareTo(threshold);
        if (c < 0 || (c == 0 && !thresholdInclusive)) {
            trace.add("points = " + format(belowThresholdPoints) + " (" + format(v) + " is below the threshold "
                    + (thresholdInclusive ? "≥ " : "> ") + format(threshold) + ")");
            return Outcome.earned(belowThresholdPoints, maxPoints);
        }
        BigDecimal steps = v.subtract(threshold).divide(stepSize, 0, RoundingMode.FLOOR);
        BigDecimal raw = basePoints.add(pointsPerStep.multiply(steps));
        BigDecimal points = Decimals.min(raw, maxPoints);
        trace.add("points = " + format(basePoints) + " + " + format(pointsPerStep) + " × floor((" + format(v)
                + " − " + format(threshold) + ") / " + format(stepSize) + ") = " + format(basePoints) + " + "
                + format(pointsPerStep) + " × " + format(steps) + " = " + format(raw)
                + (points.compareTo(raw) < 0 ? " → at most " + format(maxPoints) : ""));
        return Outcome.earned(points, maxPoints);
    }
}
