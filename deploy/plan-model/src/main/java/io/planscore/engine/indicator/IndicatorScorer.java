package io.planscore.engine.indicator;

import io.planscore.engine.Flag;
import io.planscore.engine.PlanModel;
import io.planscore.engine.PlanModel.Goal;
import io.planscore.engine.PlanModel.Indicator;
import io.planscore.engine.Scorecard.IndicatorScore;
import io.planscore.engine.Scorecard.RuleView;
import io.planscore.engine.Scorecard.TargetView;
import io.planscore.engine.ScoringContext;
import io.planscore.engine.Status;
import io.planscore.engine.calc.Decimals;
import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.Outcome;
import io.planscore.engine.measure.Measures;
import io.planscore.engine.rules.PointRule;
import io.planscore.engine.target.TargetSpec;

import java.math.BigDecimal;
import java.util.List;

import static io.planscore.engine.calc.Decimals.format;

/**
 * Scores one indicator for one year: target or rule → achievement clamped to [0, cap] → status (§4) → points
 * (§5), recording every step and input.
 */
public final class IndicatorScorer {

    private final PlanModel plan;
    private final int year;
    private final Measures measures;
    private final ScoringContext context;

    public IndicatorScorer(PlanModel plan, int year, Measures measures, ScoringContext context) {
        this.plan = plan;
        this.year = year;
        this.measures = measures;
        this.context = context;
    }

    public IndicatorScore score(Goal goal, Indicator indicator) {
        Derivation trace = new Derivation();
        TargetSpec target = indicator.targets().get(year);
        IndicatorInputs in = new IndicatorInputs(indicator, year, target, measures, context, plan.achievementCap(),
                trace);
        TargetView targetView = targetView(indicator, target, in, trace);
        Outcome outcome = judge(indicator, target, in, trace);

        BigDecimal achievement = null;
        Status status;
        if (outcome instanceof Outcome.Scored scored) {
            achievement = clamp(scored, trace);
            status = status(achievement, scored.met());
        } else {
            status = outcome instanceof Outcome.Pending ? Status.PENDING : Status.NOT_SCORED;
        }
        List<Flag> flags = outcome.flags().stream().sorted().toList();
        trace.add("status = " + status + statusReason(status, achievement, flags));
        BigDecimal points = points(goal, indicator, outcome, achievement, trace);

        return new IndicatorScore(indicator.id(), goal.id(), indicator.name(), indicator.unit(),
                in.valueIfRead().orElse(null), targetView, achievement, points, maxPoints(goal, indicator), status,
                flags, in.eventIds(), in.inputCount(), ruleView(indicator), in.baselineInputs(), trace.steps());
    }

    private TargetView targetView(Indicator indicator, TargetSpec target, IndicatorInputs in, Derivation trace) {
        if (target == null) {
            trace.add("target: none for " + year);
            return new TargetView("none", null, "no target for " + year, null);
        }
        String description = target.describe(indicator.polarity())
                + (target.raw() == null ? "" : " (printed \"" + target.raw() + "\")");
        trace.add("target: " + description);
        return new TargetView(target.form(), target.value(in).orElse(null), description, target.raw());
    }

    private Outcome judge(Indicator indicator, TargetSpec target, IndicatorInputs in, Derivation trace) {
        if (target == null) {
            return Outcome.notScored(Flag.NO_TARGET);
        }
        if (indicator.rule() != null) {
            // §3: an indicator with a rule is judged by the rule, whatever its printed target says.
            trace.add("rule: " + indicator.rule().definition());
            return indicator.rule().evaluate(in, trace);
        }
        return target.judge(in, trace);
    }

    private BigDecimal clamp(Outcome.Scored scored, Derivation trace) {
        if (scored.points() != null) {
            trace.add("achievement = " + format(scored.points()) + " / " + format(scored.maxPoints()) + " = "
                    + format(scored.achievement()));
        }
        BigDecimal clamped = Decimals.clamp(scored.achievement(), BigDecimal.ZERO, plan.achievementCap());
        if (clamped.compareTo(scored.achievement()) != 0) {
            trace.amendLast(" → clamped to " + format(clamped));
        }
        return clamped;
    }

    private Status status(BigDecimal achievement, boolean met) {
        if (Decimals.atLeast(achievement, BigDecimal.ONE) && met) {
            return Status.MET;
        }
        return Decimals.atLeast(achievement, plan.amberThreshold()) ? Status.AT_RISK : Status.OFF_TRACK;
    }

    private String statusReason(Status status, BigDecimal achievement, List<Flag> flags) {
        return switch (status) {
            case MET -> "";
            case AT_RISK -> Decimals.atLeast(achievement, BigDecimal.ONE)
                    ? " (achievement " + format(achievement) + " but the comparison does not hold)"
                    : " (achievement " + format(achievement) + " ≥ amber threshold " + format(plan.amberThreshold()) + ")";
            case OFF_TRACK -> " (achievement " + format(achievement) + " < amber threshold "
                    + format(plan.amberThreshold()) + ")";
            case PENDING, NOT_SCORED -> flags.isEmpty() ? "" : " " + flags;
        };
    }

    /**
     * Weighted: the rule's points, else weight × min(a, 1); 0 so far when pending or not scored. Unweighted: the
     * indicator score min(a, cap) × 100.
     */
    private BigDecimal points(Goal goal, Indicator indicator, Outcome outcome, BigDecimal achievement,
                              Derivation trace) {
        if (!plan.weighted()) {
            if (achievement == null) {
                return null;
            }
            BigDecimal score = achievement.multiply(Decimals.HUNDRED);
            trace.add("score = " + format(achievement) + " × 100 = " + format(score));
            return score;
        }
        if (maxPoints(goal, indicator) == null) {
            return null;
        }
        if (achievement == null) {
            trace.add("points = 0 so far");
            return BigDecimal.ZERO;
        }
        if (outcome instanceof Outcome.Scored scored && scored.points() != null) {
            return scored.points();
        }
        BigDecimal weight = goal.weightOf(indicator);
        BigDecimal points = weight.multiply(Decimals.min(achievement, BigDecimal.ONE));
        trace.add("points = " + format(weight) + " × min(" + format(achievement) + ", 1) = " + format(points));
        return points;
    }

    private BigDecimal maxPoints(Goal goal, Indicator indicator) {
        if (!plan.weighted()) {
            return plan.achievementCap().multiply(Decimals.HUNDRED);
        }
        return indicator.rule() instanceof PointRule rule ? rule.maxPoints() : goal.weightOf(indicator);
    }

    private static RuleView ruleView(Indicator indicator) {
        return indicator.rule() == null ? null
                : new RuleView(indicator.rule().type(), indicator.rule().definition());
    }
}
