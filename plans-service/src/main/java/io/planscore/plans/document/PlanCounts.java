package io.planscore.plans.document;

/**
 * What a plan holds, counted from its document as in {@code fixtures/INDEX.md}: goals = key strategic,
 * facet or annual-strategy goals (not the common goals); indicators = KPIs, measures or measurable
 * items (not the common indicators); target cells = every yearly target, common ones included.
 */
public record PlanCounts(int goals, int commonGoals, int indicators, int commonIndicators, int targetCells,
                         int facets) {

    public static PlanCounts of(PlanDocument document) {
        int goals = 0;
        int commonGoals = 0;
        int indicators = 0;
        int commonIndicators = 0;
        int targets = 0;
        for (PlanDocument.Goal goal : document.goalsOrEmpty()) {
            if (goal.isCommon()) {
                commonGoals++;
            } else {
                goals++;
            }
            for (PlanDocument.Indicator indicator : goal.indicatorsOrEmpty()) {
                if (indicator.isCommon()) {
                    commonIndicators++;
                } else {
                    indicators++;
                }
                targets += indicator.targetsOrEmpty().size();
            }
        }
        return new PlanCounts(goals, commonGoals, indicators, commonIndicators, targets,
                document.facetsOrEmpty().size());
    }
}
