package io.planscore.engine.rollup;

import io.planscore.engine.PlanModel;
import io.planscore.engine.PlanModel.Goal;
import io.planscore.engine.Scorecard.FacetScore;
import io.planscore.engine.Scorecard.GoalScore;
import io.planscore.engine.Scorecard.IndicatorScore;
import io.planscore.engine.calc.Decimals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static io.planscore.engine.rollup.Rollup.indicatorsOf;

/**
 * Equal weights at each level: a goal scores the mean of its scored indicators, the plan the mean of its goals
 * with at least one scored indicator (a facet, if any, the mean of its goals).
 */
final class UnweightedRollup {

    private UnweightedRollup() {
    }

    static Rollup roll(PlanModel plan, Map<String, List<IndicatorScore>> byGoal) {
        BigDecimal maxScore = plan.achievementCap().multiply(Decimals.HUNDRED);
        List<GoalScore> goals = plan.goals().stream()
                .map(goal -> goalScore(goal, indicatorsOf(goal, byGoal), maxScore))
                .toList();
        List<FacetScore> facets = plan.facets().stream()
                .map(facet -> new FacetScore(facet.id(), facet.name(),
                        mean(goals.stream().filter(g -> facet.id().equals(g.facetId())).map(GoalScore::score)),
                        maxScore, facet.cap(), null, null,
                        Coverages.of(plan.goals().stream().filter(g -> facet.id().equals(g.facetId()))
                                .flatMap(g -> indicatorsOf(g, byGoal).stream()).toList())))
                .toList();
        return new Rollup(mean(goals.stream().map(GoalScore::score)), maxScore, facets, goals);
    }

    private static GoalScore goalScore(Goal goal, List<IndicatorScore> indicators, BigDecimal maxScore) {
        BigDecimal score = mean(indicators.stream().filter(i -> i.status().isScored()).map(IndicatorScore::points));
        return new GoalScore(goal.id(), goal.name(), goal.facetId(), score, maxScore, goal.bonusOnly(),
                Coverages.of(indicators));
    }

    /** The mean of the non-null values; null when there are none. */
    private static BigDecimal mean(Stream<BigDecimal> values) {
        List<BigDecimal> present = values.filter(Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        BigDecimal sum = present.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Decimals.divide(sum, BigDecimal.valueOf(present.size()));
    }
}
