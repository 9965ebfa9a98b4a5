package io.planscore.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.engine.Flag;
import io.planscore.engine.PlanModel;
import io.planscore.engine.PlanModel.Facet;
import io.planscore.engine.PlanModel.Goal;
import io.planscore.engine.PlanModel.Indicator;
import io.planscore.engine.calc.Polarity;
import io.planscore.engine.measure.Aggregation;
import io.planscore.engine.measure.Expression;
import io.planscore.engine.measure.Formula;
import io.planscore.engine.rules.RankBonusRule;
import io.planscore.engine.rules.ScoringRule;
import io.planscore.engine.target.BaselineRule;
import io.planscore.engine.target.TargetSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static io.planscore.model.Json.decimal;
import static io.planscore.model.Json.text;

/**
 * Reads a {@code seed-plan-fixture/v1} document into a {@link PlanModel}. Never throws on content: a target or
 * rule it cannot machine-check becomes a not-scored target with a flag.
 */
public final class PlanDocumentReader {

    private static final int ROC_TO_AD = 1911;
    // Target forms whose values are levels (ranks, durations, progress): aggregated with last (§2.2).
    private static final Set<String> LEVEL_FORMS = Set.of("rank", "duration", "milestone");

    private PlanDocumentReader() {
    }

    public static PlanModel read(String planId, int version, JsonNode document) {
        List<Facet> facets = new ArrayList<>();
        for (JsonNode facet : document.path("facets")) {
            facets.add(new Facet(text(facet, "id"), text(facet, "name"), decimal(facet, "weight_pct"),
                    decimal(facet, "cap_pct")));
        }
        String peerGroup = defaultPeerGroup(document.path("plan"));
        List<Goal> goals = new ArrayList<>();
        for (JsonNode goal : document.path("goals")) {
            List<Indicator> indicators = new ArrayList<>();
            goal.path("indicators").forEach(indicator -> indicators.add(indicator(indicator, peerGroup)));
            goals.add(new Goal(text(goal, "id"), text(goal, "name"), text(goal, "facet_id"), decimal(goal, "weight_pct"),
                    decimal(goal, "bonus_max_pct"), indicators));
        }
        return PlanModel.of(planId, version, years(document.path("plan").path("period")), facets, goals);
    }

    private static List<Integer> years(JsonNode period) {
        if (period.path("ad_start").isInt() && period.path("ad_end").isInt()) {
            return IntStream.rangeClosed(period.path("ad_start").asInt(), period.path("ad_end").asInt()).boxed().toList();
        }
        List<Integer> years = new ArrayList<>();
        period.path("years_roc").forEach(roc -> years.add(roc.asInt() + ROC_TO_AD));
        return years;
    }

    /**
     * Who a rank_bonus ranks against when its rule names no {@code peer_group}: the other plans of the same
     * government (seed 003 ranks 「各局(處)」, the bureaus of one city), else of the same agency.
     */
    private static String defaultPeerGroup(JsonNode plan) {
        return text(plan, "government") != null ? text(plan, "government") : text(plan, "agency");
    }

    private static Indicator indicator(JsonNode node, String peerGroup) {
        Polarity polarity = polarity(text(node.path("polarity"), "value"));
        Formula formula = formula(node.path("formula"));
        Map<Integer, TargetSpec> targets = new LinkedHashMap<>();
        Map<String, Aggregation> componentAggregations = new HashMap<>();
        boolean levelMeasure = false;
        for (JsonNode target : node.path("targets")) {
            TargetSpec spec = TargetReader.read(target, polarity);
            targets.put(target.path("year_ad").asInt(), spec);
            String form = text(target, "form");
            levelMeasure |= form != null && LEVEL_FORMS.contains(form);
            if (spec instanceof TargetSpec.Compound compound) {
                // A part given in % is a rate: its latest report counts, reports are not added up.
                compound.parts().stream().filter(p -> "%".equals(p.unit()))
                        .forEach(p -> componentAggregations.put(p.component(), Aggregation.LAST));
            }
        }
        ScoringRule rule = null;
        if (node.path("scoring_rule").isObject()) {
            try {
                rule = RuleReader.read(node.path("scoring_rule"));
                if (rule instanceof RankBonusRule rank && rank.peerGroup() == null) {
                    rule = rank.inGroup(peerGroup);
                }
            } catch (UnsupportedRuleException e) {
                targets.replaceAll((year, spec) -> new TargetSpec.Unscorable(Flag.UNSUPPORTED_RULE, spec.raw()));
            }
        }
        String unit = unit(node, formula);
        return new Indicator(text(node, "id"), text(node, "name"), unit, polarity,
                Aggregation.defaultFor(unit, formula != null, levelMeasure), componentAggregations, formula,
                baseline(node.path("baseline"), targets), decimal(node, "weight_pct"), rule, targets);
    }

    private static Polarity polarity(String value) {
        if ("lower_is_better".equals(value)) {
            return Polarity.LOWER_IS_BETTER;
        }
        return "band".equals(value) ? Polarity.BAND : Polarity.HIGHER_IS_BETTER;
    }

    /** The formula, or null when there is none or its expression does not parse (direct values still score). */
    private static Formula formula(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        try {
            Map<String, BigDecimal> constants = new HashMap<>();
            node.path("constants").properties()
                    .forEach(e -> constants.put(e.getKey(), new BigDecimal(e.getValue().asText())));
            Map<String, Expression> derived = new HashMap<>();
            node.path("derived").properties()
                    .forEach(e -> derived.put(e.getKey(), Expression.parse(e.getValue().asText())));
            return new Formula(Expression.parse(text(node, "expression")), constants, derived);
        } catch (IllegalArgumentException e) {
            // Covers ExpressionException and a constant that is not a number.
            return null;
        }
    }

    /** The unit of the numeric targets, else the formula's result unit, else % for a progress milestone. */
    private static String unit(JsonNode node, Formula formula) {
        for (JsonNode target : node.path("targets")) {
            String form = text(target, "form");
            if (text(target, "unit") != null && !"none".equals(form) && !"missing".equals(form)) {
                return text(target, "unit");
            }
        }
        if (formula != null && text(node.path("formula"), "result_unit") != null) {
            return text(node.path("formula"), "result_unit");
        }
        for (JsonNode target : node.path("targets")) {
            if ("milestone".equals(text(target, "form"))) {
                return "%";
            }
        }
        return null;
    }

    /**
     * The baseline rule; a ↑/↓ target without one is read year on year (004: 「逐年」, 「降低」, 「提高」). An
     * unknown baseline type gives no rule, so its targets score NO_BASELINE.
     */
    private static BaselineRule baseline(JsonNode node, Map<Integer, TargetSpec> targets) {
        if (!node.isObject()) {
            boolean relative = targets.values().stream().anyMatch(t -> t instanceof TargetSpec.VersusBaseline);
            return relative ? new BaselineRule.PreviousYear() : null;
        }
        return switch (String.valueOf(text(node, "type"))) {
            case "mean_of_previous_n_years" -> node.path("n").asInt(0) >= 1
                    ? new BaselineRule.MeanOfPreviousYears(node.path("n").asInt()) : null;
            case "previous_year", "previous_year_value" -> new BaselineRule.PreviousYear();
            case "fixed" -> decimal(node, "value") != null ? new BaselineRule.Fixed(decimal(node, "value")) : null;
            default -> null;
        };
    }
}
