package io.planscore.engine;

import io.planscore.engine.Scorecard.IndicatorScore;
import io.planscore.engine.Scorecard.StatusCounts;
import io.planscore.engine.indicator.IndicatorScorer;
import io.planscore.engine.measure.LiveValue;
import io.planscore.engine.measure.Measures;
import io.planscore.engine.rollup.Coverages;
import io.planscore.engine.rollup.Rollup;

import java.util.Collection;
import java.util.List;

/**
 * The pure scoring engine of SCORING.md §2–§6: the same plan, year, measurements and context always give an
 * equal scorecard, whatever order the measurements arrive in.
 */
public final class ScoringEngine {

    /**
     * @param measurements all active (accepted, not superseded, not retracted) measurements of the plan, for all
     *                     years: earlier years feed baselines and previous-year comparisons
     */
    public Scorecard score(PlanModel plan, int year, List<Measurement> measurements, ScoringContext context) {
        return scoreLive(plan, year, LiveValue.of(measurements), context);
    }

    /**
     * The same from the plan's live values, as storage maintains them: reads in proportion to the plan's indicators
     * and periods, not to its history.
     */
    public Scorecard scoreLive(PlanModel plan, int year, Collection<LiveValue> live, ScoringContext context) {
        IndicatorScorer scorer = new IndicatorScorer(plan, year, new Measures(live), context);
        List<IndicatorScore> indicators = plan.goals().stream()
                .flatMap(goal -> goal.indicators().stream().map(indicator -> scorer.score(goal, indicator)))
                .toList();
        Rollup rollup = Rollup.of(plan, indicators);
        boolean provisional = indicators.stream().anyMatch(i -> i.flags().contains(Flag.PROVISIONAL));
        return new Scorecard(plan.planId(), plan.version(), year, plan.weighted(), provisional, rollup.total(),
                rollup.maxScore(), Coverages.of(indicators), statusCounts(indicators), rollup.facets(),
                rollup.goals(), indicators);
    }

    private static StatusCounts statusCounts(List<IndicatorScore> indicators) {
        return new StatusCounts(count(indicators, Status.MET), count(indicators, Status.AT_RISK),
                count(indicators, Status.OFF_TRACK), count(indicators, Status.PENDING),
                count(indicators, Status.NOT_SCORED));
    }

    private static int count(List<IndicatorScore> indicators, Status status) {
        return (int) indicators.stream().filter(i -> i.status() == status).count();
    }
}
