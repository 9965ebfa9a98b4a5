package io.planscore.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.util.List;

/**
 * The scores of one plan version for one year, unrounded (round with {@link Display} for display only).
 * {@code totalScore} is the mean of goal scores (0–100) for unweighted plans, or points out of {@code maxScore}
 * (100) for weighted plans; it is null for an unweighted plan with nothing scored yet.
 */
public record Scorecard(String planId, int planVersion, int year, boolean weighted, boolean provisional,
                        BigDecimal totalScore, BigDecimal maxScore, Coverage coverage, StatusCounts statusCounts,
                        List<FacetScore> facets, List<GoalScore> goals, List<IndicatorScore> indicators) {

    public Scorecard {
        facets = List.copyOf(facets);
        goals = List.copyOf(goals);
        indicators = List.copyOf(indicators);
    }

    /** Points of a weighted facet: goals plus bonus, capped; {@code scoreBeforeCap} shows what the cap removed. */
    public record FacetScore(String id, String name, BigDecimal score, BigDecimal maxScore, BigDecimal cap,
                             BigDecimal bonus, BigDecimal scoreBeforeCap, Coverage coverage) {
    }

    /**
     * A goal's score: the mean of its scored indicators (unweighted, null when none is scored) or its points
     * (weighted). {@code bonusOnly} goals add their points to the facet's bonus.
     */
    public record GoalScore(String id, String name, String facetId, BigDecimal score, BigDecimal maxScore,
                            boolean bonusOnly, Coverage coverage) {
    }

    /**
     * One indicator. {@code points} are the weighted points (rule points, or weight × min(a, 1)), or in an
     * unweighted plan the indicator score min(a, cap) × 100; null when not scored in an unweighted plan.
     * {@code value} is the measure value the judgement used, if it read one. {@code inputCount} counts the
     * measurement events and administrators' inputs it read; {@code inputEventIds} names them when the engine was
     * given the events themselves (not in JSON: a stored scorecard must not grow with the plan's history; the
     * explanation lists them, service/ScoreProvenance).
     */
    public record IndicatorScore(String id, String goalId, String name, String unit, BigDecimal value,
                                 TargetView target, BigDecimal achievement, BigDecimal points, BigDecimal maxPoints,
                                 Status status, List<Flag> flags, @JsonIgnore List<String> inputEventIds,
                                 int inputCount, RuleView rule, List<BaselineInput> baselineInputs,
                                 List<String> steps) {
        public IndicatorScore {
            flags = List.copyOf(flags);
            inputEventIds = List.copyOf(inputEventIds);
            baselineInputs = List.copyOf(baselineInputs);
            steps = List.copyOf(steps);
        }
    }

    /** The year's target: its form, numeric value when it has one, and a description that quotes the printed cell. */
    public record TargetView(String form, BigDecimal value, String description, String raw) {
    }

    /** The rule that judged the indicator, e.g. type {@code per_unit_capped} with its parameters. */
    public record RuleView(String type, String definition) {
    }

    /**
     * One earlier year's value feeding a baseline or a previous-year comparison, from {@code eventCount} events
     * (named in {@code eventIds} as in {@link IndicatorScore#inputEventIds}).
     */
    public record BaselineInput(int year, BigDecimal value, Source source, @JsonIgnore List<String> eventIds,
                                int eventCount) {
        public enum Source {
            MEASUREMENTS,
            ADMINISTRATOR
        }

        public BaselineInput {
            eventIds = List.copyOf(eventIds);
        }
    }

    /** Of the indicators with a target that year, how many are scored; {@code share} is null when there are none. */
    public record Coverage(int withTarget, int scored, BigDecimal share) {
    }

    public record StatusCounts(int met, int atRisk, int offTrack, int pending, int notScored) {
    }
}
