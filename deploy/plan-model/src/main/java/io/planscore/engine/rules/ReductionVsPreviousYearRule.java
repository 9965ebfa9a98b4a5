package io.planscore.engine.rules;

import io.planscore.engine.Flag;
import io.planscore.engine.calc.Achievements;
import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.Inputs;
import io.planscore.engine.calc.MeasureValue;
import io.planscore.engine.calc.Outcome;
import io.planscore.engine.calc.Relation;

import java.math.BigDecimal;
import java.util.Optional;

import static io.planscore.engine.calc.Decimals.format;

/**
 * The measure is last year's value − this year's (e.g. fewer A1 deaths), judged like higher is better against
 * {@code min} (the year's target when {@code min} is unstated).
 */
public record ReductionVsPreviousYearRule(BigDecimal min) implements ScoringRule {

    public String type() {
        return "reduction_vs_previous_year";
    }

    public int yearsBefore() {
        return 1;
    }

    public String definition() {
        return RuleText.definition(type(), "min", min);
    }

    public Outcome evaluate(Inputs in, Derivation trace) {
        Optional<BigDecimal> target = min != null ? Optional.of(min) : in.targetValue();
        if (target.isEmpty()) {
            trace.add("no minimum reduction stated");
            return Outcome.notScored(Flag.NO_TARGET);
        }
        MeasureValue current = in.value();
        if (!current.isPresent()) {
            return current.unavailable();
        }
        Optional<BigDecimal> previous = in.previousYearValue();
        if (previous.isEmpty()) {
            return Outcome.notScored(Flag.NO_BASELINE);
        }
        BigDecimal reduction = previous.get().subtract(current.value());
        trace.add("reduction = " + format(previous.get()) + " − " + format(current.value()) + " = " + format(reduction));
        return Achievements.versusTarget(MeasureValue.present(reduction, current.sources()), Relation.AT_LEAST,
                target.get(), in.cap(), trace);
    }
}
