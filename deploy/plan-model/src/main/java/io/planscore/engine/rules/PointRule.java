package io.planscore.engine.rules;

import java.math.BigDecimal;

/** A rule that awards points up to a maximum. */
public sealed interface PointRule extends ScoringRule
        permits PerUnitCappedRule, BasePlusStepsRule, DeductionPerIncidentRule, ThresholdBandsRule,
        ProportionalRule, SumRule, BonusDiscretionaryRule, RankBonusRule {

    BigDecimal maxPoints();
}
