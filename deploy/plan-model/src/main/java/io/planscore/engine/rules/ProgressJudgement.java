package io.planscore.engine.rules;

import io.planscore.engine.calc.Achievements;
import io.planscore.engine.calc.Decimals;
import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.Inputs;
import io.planscore.engine.calc.MeasureValue;
import io.planscore.engine.calc.Outcome;
import io.planscore.engine.calc.Relation;

/** Progress % judged like higher is better against the year's target (100 % when the target has no number). */
final class ProgressJudgement {

    private ProgressJudgement() {
    }

    static Outcome againstTarget(MeasureValue progress, Inputs in, Derivation trace) {
        return Achievements.versusTarget(progress, Relation.AT_LEAST, in.targetValue().orElse(Decimals.HUNDRED),
                in.cap(), trace);
    }
}
