package io.planscore.engine.rules;

import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.Inputs;
import io.planscore.engine.calc.Outcome;

/**
 * A scoring rule of SCORING.md §6, as data. A rule judges its indicator instead of the printed target. Point
 * rules yield points (achievement = points / max); the others derive a measure and judge it like higher is
 * better, so in a weighted plan their points are weight × achievement.
 */
public sealed interface ScoringRule
        permits PointRule, MilestoneRule, StageProgressMapRule, ChecklistAllRule, ReductionVsPreviousYearRule {

    /** The rule type as the plan names it, e.g. {@code per_unit_capped}. */
    String type();

    /** The rule with its parameters, e.g. {@code per_unit_capped{points_per_unit=0.6, cap_units=5, max_points=3}}. */
    String definition();

    Outcome evaluate(Inputs in, Derivation trace);

    /** How many years before a scored year the rule reads (the previous year's value, for one). */
    default int yearsBefore() {
        return 0;
    }
}
