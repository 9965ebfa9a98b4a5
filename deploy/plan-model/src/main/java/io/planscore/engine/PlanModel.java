package io.planscore.engine;

import io.planscore.engine.calc.Polarity;
import io.planscore.engine.measure.Aggregation;
import io.planscore.engine.measure.Formula;
import io.planscore.engine.rules.ScoringRule;
import io.planscore.engine.target.BaselineRule;
import io.planscore.engine.target.TargetSpec;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One plan version as the engine sees it: facets (optional), goals, and indicators with one target per AD year.
 * Weights and caps are percentage points; the plan is weighted when any weight is present (§5).
 */
public record PlanModel(String planId, int version, List<Integer> years, BigDecimal achievementCap,
                        BigDecimal amberThreshold, List<Facet> facets, List<Goal> goals) {

    public static final BigDecimal DEFAULT_CAP = BigDecimal.ONE;
    public static final BigDecimal DEFAULT_AMBER_THRESHOLD = new BigDecimal("0.9");

    public PlanModel {
        achievementCap = Objects.requireNonNullElse(achievementCap, DEFAULT_CAP);
        amberThreshold = Objects.requireNonNullElse(amberThreshold, DEFAULT_AMBER_THRESHOLD);
        years = List.copyOf(years);
        facets = List.copyOf(facets);
        goals = List.copyOf(goals);
    }

    /** A plan with the default cap (1.0) and amber threshold (0.9). */
    public static PlanModel of(String planId, int version, List<Integer> years, List<Facet> facets, List<Goal> goals) {
        return new PlanModel(planId, version, years, null, null, facets, goals);
    }

    public boolean weighted() {
        return facets.stream().anyMatch(f -> f.weight() != null)
                || goals.stream().anyMatch(g -> g.weight() != null)
                || indicators().anyMatch(i -> i.weight() != null);
    }

    public Stream<Indicator> indicators() {
        return goals.stream().flatMap(g -> g.indicators().stream());
    }

    /** A weighted facet (面向) with an optional cap on its points, bonuses included. */
    public record Facet(String id, String name, BigDecimal weight, BigDecimal cap) {
    }

    /**
     * A goal; {@code bonusMax} marks a bonus-only goal (no weight, points added to its facet up to that maximum).
     */
    public record Goal(String id, String name, String facetId, BigDecimal weight, BigDecimal bonusMax,
                       List<Indicator> indicators) {

        public Goal {
            indicators = List.copyOf(indicators);
        }

        public boolean bonusOnly() {
            return weight == null && bonusMax != null;
        }

        /** The indicator's weight, or the goal's own weight when it is the goal's single unweighted indicator (§5). */
        public BigDecimal weightOf(Indicator indicator) {
            if (indicator.weight() != null) {
                return indicator.weight();
            }
            return indicators.size() == 1 ? weight : null;
        }
    }

    /**
     * An indicator. {@code aggregation} applies to direct values; components are summed unless
     * {@code componentAggregations} says otherwise. {@code rule} (optional) judges it instead of its target.
     */
    public record Indicator(String id, String name, String unit, Polarity polarity, Aggregation aggregation,
                            Map<String, Aggregation> componentAggregations, Formula formula, BaselineRule baseline,
                            BigDecimal weight, ScoringRule rule, Map<Integer, TargetSpec> targets) {

        public Indicator {
            componentAggregations = Map.copyOf(componentAggregations);
            targets = Map.copyOf(targets);
        }

        /** A plain indicator with the §2.2 default aggregation for its unit. */
        public static Indicator of(String id, String name, String unit, Polarity polarity,
                                   Map<Integer, TargetSpec> targets) {
            return new Indicator(id, name, unit, polarity, Aggregation.defaultFor(unit, false, false), Map.of(),
                    null, null, null, null, targets);
        }

        /**
         * How many years before each scored year the engine reads this indicator's values: its baseline's reach
         * or its rule's, whichever is longer. measurements-service accepts values for exactly those years too.
         */
        public int yearsReadBefore() {
            return Math.max(baseline == null ? 0 : baseline.yearsBefore(), rule == null ? 0 : rule.yearsBefore());
        }

        public Aggregation componentAggregation(String symbol) {
            return componentAggregations.getOrDefault(symbol, Aggregation.SUM);
        }

        public Indicator withAggregation(Aggregation value) {
            return new Indicator(id, name, unit, polarity, value, componentAggregations, formula, baseline, weight,
                    rule, targets);
        }

        public Indicator withComponentAggregation(String symbol, Aggregation value) {
            Map<String, Aggregation> more = new HashMap<>(componentAggregations);
            more.put(symbol, value);
            return new Indicator(id, name, unit, polarity, aggregation, more, formula, baseline, weight, rule,
                    targets);
        }

        public Indicator withFormula(Formula value) {
            return new Indicator(id, name, unit, polarity, aggregation, componentAggregations, value, baseline,
                    weight, rule, targets);
        }

        public Indicator withBaseline(BaselineRule value) {
            return new Indicator(id, name, unit, polarity, aggregation, componentAggregations, formula, value,
                    weight, rule, targets);
        }

        public Indicator withWeight(BigDecimal value) {
            return new Indicator(id, name, unit, polarity, aggregation, componentAggregations, formula, baseline,
                    value, rule, targets);
        }

        public Indicator withRule(ScoringRule value) {
            return new Indicator(id, name, unit, polarity, aggregation, componentAggregations, formula, baseline,
                    weight, value, targets);
        }
    }
}
