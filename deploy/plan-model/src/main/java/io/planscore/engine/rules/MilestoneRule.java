package io.planscore.engine.rules;

import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.Inputs;
import io.planscore.engine.calc.Outcome;

/** The measure value is progress %; judged like higher is better against the year's progress target. */
public record MilestoneRule() implements ScoringRule {

    public String type() {
        return "milestone";
    }

    public String definition() {
        return RuleText.definition(type());
    }

    public Outcome evaluate(Inputs in, Derivation trace) {
        return ProgressJudgement.againstTarget(in.value(), in, trace);
    }
}
