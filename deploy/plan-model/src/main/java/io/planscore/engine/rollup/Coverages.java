package io.planscore.engine.rollup;

import io.planscore.engine.Flag;
import io.planscore.engine.Scorecard.Coverage;
import io.planscore.engine.Scorecard.IndicatorScore;
import io.planscore.engine.Status;
import io.planscore.engine.calc.Decimals;

import java.math.BigDecimal;
import java.util.Collection;

/** Coverage (§5): of the indicators with a target that year, the share that is scored. */
public final class Coverages {

    private Coverages() {
    }

    public static Coverage of(Collection<IndicatorScore> indicators) {
        int withTarget = (int) indicators.stream().filter(Coverages::hasTarget).count();
        int scored = (int) indicators.stream().filter(i -> i.status().isScored()).count();
        BigDecimal share = withTarget == 0 ? null
                : Decimals.divide(BigDecimal.valueOf(scored), BigDecimal.valueOf(withTarget));
        return new Coverage(withTarget, scored, share);
    }

    private static boolean hasTarget(IndicatorScore indicator) {
        return indicator.status() != Status.NOT_SCORED || indicator.flags().stream().noneMatch(Flag::meansNoTarget);
    }
}
