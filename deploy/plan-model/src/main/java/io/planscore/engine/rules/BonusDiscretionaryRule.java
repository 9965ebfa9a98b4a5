package io.planscore.engine.rules;

import io.planscore.engine.Flag;
import io.planscore.engine.calc.Decimals;
import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.Inputs;
import io.planscore.engine.calc.Outcome;

import java.math.BigDecimal;
import java.util.Optional;

import static io.planscore.engine.calc.Decimals.format;

/** An administrator's award, clamped to {@code [0, max_bonus_points]}; PENDING until awarded. */
public record BonusDiscretionaryRule(BigDecimal maxBonusPoints) implements PointRule {

    public BonusDiscretionaryRule {
        RuleText.positive(maxBonusPoints, "max_bonus_points");
    }

    public String type() {
        return "bonus_discretionary";
    }

    public String definition() {
        return RuleText.definition(type(), "max_bonus_points", maxBonusPoints);
    }

    public BigDecimal maxPoints() {
        return maxBonusPoints;
    }

    public Outcome evaluate(Inputs in, Derivation trace) {
        Optional<BigDecimal> award = in.award();
        if (award.isEmpty()) {
            trace.add("points: no award from an administrator yet");
            return Outcome.pending(Flag.AWAITING_AWARD);
        }
        BigDecimal points = Decimals.clamp(award.get(), BigDecimal.ZERO, maxBonusPoints);
        trace.add("points = administrator's award " + format(award.get())
                + (points.compareTo(award.get()) != 0 ? " → clamped to " + format(points) : ""));
        return Outcome.earned(points, maxBonusPoints);
    }
}
