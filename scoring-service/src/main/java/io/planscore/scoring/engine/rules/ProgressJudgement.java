package io.planscore.scoring.engine.rules;

import io.planscore.scoring.engine.calc.Achievements;
import io.planscore.scoring.engine.calc.Decimals;
import io.planscore.scoring.engine.calc.Derivation;
import io.planscore.scoring.engine.calc.Inputs;
import io.planscore.scoring.engine.calc.MeasureValue;
import io.planscore.scoring.engine.calc.Outcome;
import io.planscore.scoring.engine.calc.Relation;

/** Progress % judged like higher is better against the year's target (100 % when the target has no number). */
final class ProgressJudgement {

    private ProgressJudgement() {
    }

    static Outcome againstTarget(MeasureValue progress, Inputs in, Derivation trace) {
        return Achievements.versusTarget(progress, Relation.AT_LEAST, in.targetValue().orElse(Decimals.HUNDRED),
                in.cap(), trace);
    }
}
