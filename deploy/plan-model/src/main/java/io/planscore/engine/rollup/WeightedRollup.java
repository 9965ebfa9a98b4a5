package io.planscore.engine.rollup;

import io.planscore.engine.PlanModel;
import io.planscore.engine.PlanModel.Facet;
import io.planscore.engine.PlanModel.Goal;
import io.planscore.engine.Scorecard.FacetScore;
import io.planscore.engine.Scorecard.GoalScore;
import io.planscore.engine.Scorecard.IndicatorScore;
import io.planscore.engine.calc.Decimals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.planscore.engine.rollup.Rollup.indicatorsOf;

/**
 * Points: a goal sums its indicators' points (a bonus-only goal at most its bonus maximum); a facet sums its
 * goals plus its bonus, capped at the facet cap; the plan sums its facets (and any goal outside a facet).
 */
final class WeightedRollup {

    private WeightedRollup() {
    }

    static Rollup roll(PlanModel plan, Map<String, List<IndicatorScore>> byGoal) {
        List<GoalScore> goals = plan.goals().stream().map(goal -> goalScore(goal, indicatorsOf(goal, byGoal))).toList();
        List<FacetScore> facets = plan.facets().stream().map(facet -> facetScore(facet, plan, goals, byGoal)).toList();
        Set<String> facetIds = plan.facets().stream().map(Facet::id).collect(Collectors.toSet());
        List<GoalScore> outsideFacets = goals.stream().filter(g -> !facetIds.contains(g.facetId())).toList();
        BigDecimal total = sum(Stream.concat(facets.stream().map(FacetScore::score),
                outsideFacets.stream().map(GoalScore::score)));
        BigDecimal maxScore = sum(Stream.concat(facets.stream().map(FacetScore::maxScore),
                outsideFacets.stream().filter(g -> !g.bonusOnly()).map(GoalScore::maxScore)));
        return new Rollup(total, maxScore, facets, goals);
    }

    private static GoalScore goalScore(Goal goal, List<IndicatorScore> indicators) {
        BigDecimal points = sum(indicators.stream().map(IndicatorScore::points));
        BigDecimal maxScore = goal.weight() != null ? goal.weight()
                : goal.bonusMax() != null ? goal.bonusMax()
                : sum(indicators.stream().map(IndicatorScore::maxPoints));
        if (goal.bonusOnly()) {
            points = Decimals.min(points, goal.bonusMax());
        }
        return new GoalScore(goal.id(), goal.name(), goal.facetId(), points, maxScore, goal.bonusOnly(),
                Coverages.of(indicators));
    }

    private static FacetScore facetScore(Facet facet, PlanModel plan, List<GoalScore> goals,
                                         Map<String, List<IndicatorScore>> byGoal) {
        List<GoalScore> inFacet = goals.stream().filter(g -> facet.id().equals(g.facetId())).toList();
        BigDecimal base = sum(inFacet.stream().filter(g -> !g.bonusOnly()).map(GoalScore::score));
        BigDecimal bonus = sum(inFacet.stream().filter(GoalScore::bonusOnly).map(GoalScore::score));
        BigDecimal beforeCap = base.add(bonus);
        BigDecimal score = facet.cap() == null ? beforeCap : Decimals.min(beforeCap, facet.cap());
        List<IndicatorScore> indicators = plan.goals().stream()
                .filter(g -> facet.id().equals(g.facetId()))
                .flatMap(g -> indicatorsOf(g, byGoal).stream())
                .toList();
        return new FacetScore(facet.id(), facet.name(), score, facet.weight(), facet.cap(), bonus, beforeCap,
                Coverages.of(indicators));
    }

    private static BigDecimal sum(Stream<BigDecimal> values) {
        return values.filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
