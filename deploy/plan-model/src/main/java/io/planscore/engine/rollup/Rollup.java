package io.planscore.engine.rollup;

import io.planscore.engine.PlanModel;
import io.planscore.engine.PlanModel.Goal;
import io.planscore.engine.Scorecard.FacetScore;
import io.planscore.engine.Scorecard.GoalScore;
import io.planscore.engine.Scorecard.IndicatorScore;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Goal, facet and plan totals from scored indicators (SCORING.md §5). */
public record Rollup(BigDecimal total, BigDecimal maxScore, List<FacetScore> facets, List<GoalScore> goals) {

    public static Rollup of(PlanModel plan, List<IndicatorScore> indicators) {
        Map<String, List<IndicatorScore>> byGoal = indicators.stream()
                .collect(Collectors.groupingBy(IndicatorScore::goalId));
        return plan.weighted() ? WeightedRollup.roll(plan, byGoal) : UnweightedRollup.roll(plan, byGoal);
    }

    static List<IndicatorScore> indicatorsOf(Goal goal, Map<String, List<IndicatorScore>> byGoal) {
        return byGoal.getOrDefault(goal.id(), List.of());
    }
}
