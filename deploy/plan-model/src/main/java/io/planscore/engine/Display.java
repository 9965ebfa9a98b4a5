package io.planscore.engine;

import io.planscore.engine.Scorecard.Coverage;
import io.planscore.engine.Scorecard.FacetScore;
import io.planscore.engine.Scorecard.GoalScore;
import io.planscore.engine.Scorecard.IndicatorScore;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding for display only (§7): achievements (and coverage shares) to 4 decimals, points and scores to 2,
 * HALF_UP. Stored and published scores stay unrounded.
 */
public final class Display {

    private Display() {
    }

    public static BigDecimal achievement(BigDecimal value) {
        return value == null ? null : value.setScale(4, RoundingMode.HALF_UP);
    }

    public static BigDecimal points(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    /** A copy of the scorecard with every achievement, share, point and score rounded for display. */
    public static Scorecard round(Scorecard card) {
        return new Scorecard(card.planId(), card.planVersion(), card.year(), card.weighted(), card.provisional(),
                points(card.totalScore()), points(card.maxScore()), round(card.coverage()), card.statusCounts(),
                card.facets().stream().map(Display::round).toList(),
                card.goals().stream().map(Display::round).toList(),
                card.indicators().stream().map(Display::round).toList());
    }

    private static FacetScore round(FacetScore f) {
        return new FacetScore(f.id(), f.name(), points(f.score()), points(f.maxScore()), points(f.cap()),
                points(f.bonus()), points(f.scoreBeforeCap()), round(f.coverage()));
    }

    private static GoalScore round(GoalScore g) {
        return new GoalScore(g.id(), g.name(), g.facetId(), points(g.score()), points(g.maxScore()), g.bonusOnly(),
                round(g.coverage()));
    }

    private static IndicatorScore round(IndicatorScore i) {
        return new IndicatorScore(i.id(), i.goalId(), i.name(), i.unit(), i.value(), i.target(),
                achievement(i.achievement()), points(i.points()), points(i.maxPoints()), i.status(), i.flags(),
                i.inputEventIds(), i.inputCount(), i.rule(), i.baselineInputs(), i.steps());
    }

    private static Coverage round(Coverage c) {
        return new Coverage(c.withTarget(), c.scored(), achievement(c.share()));
    }
}
