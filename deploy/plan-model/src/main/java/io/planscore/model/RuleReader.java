package io.planscore.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.engine.calc.Relation;
import io.planscore.engine.rules.BasePlusStepsRule;
import io.planscore.engine.rules.BonusDiscretionaryRule;
import io.planscore.engine.rules.ChecklistAllRule;
import io.planscore.engine.rules.DeductionPerIncidentRule;
import io.planscore.engine.rules.MilestoneRule;
import io.planscore.engine.rules.PerUnitCappedRule;
import io.planscore.engine.rules.PointRule;
import io.planscore.engine.rules.ProportionalRule;
import io.planscore.engine.rules.RankBonusRule;
import io.planscore.engine.rules.ReductionVsPreviousYearRule;
import io.planscore.engine.rules.ScoringRule;
import io.planscore.engine.rules.StageProgressMapRule;
import io.planscore.engine.rules.SumRule;
import io.planscore.engine.rules.ThresholdBandsRule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.planscore.model.Json.decimal;
import static io.planscore.model.Json.text;

/**
 * Maps a fixture's {@code scoring_rule} object to an engine rule, deciding for every type of the {@link RuleType}
 * catalogue; throws {@link UnsupportedRuleException} for a rule it cannot score.
 */
final class RuleReader {

    private RuleReader() {
    }

    static ScoringRule read(JsonNode rule) {
        String name = text(rule, "type");
        RuleType type = RuleType.named(name)
                .orElseThrow(() -> new UnsupportedRuleException("unknown rule type '" + name + "'"));
        try {
            return switch (type) {
                case PER_UNIT_CAPPED -> new PerUnitCappedRule(decimal(rule, "points_per_unit"),
                        decimal(rule, "cap_units"), decimal(rule, "max_points"));
                case BASE_PLUS_STEPS -> new BasePlusStepsRule(decimal(rule, "threshold"),
                        Json.flag(rule, "threshold_inclusive", true), decimal(rule, "base_points"),
                        decimal(rule, "step_size"), decimal(rule, "points_per_step"), decimal(rule, "max_points"),
                        decimal(rule, "below_threshold_points"));
                case DEDUCTION_PER_INCIDENT -> new DeductionPerIncidentRule(decimal(rule, "base_points"),
                        decimal(rule, "deduction_per_incident"), decimal(rule, "floor_points"));
                case THRESHOLD_BANDS -> new ThresholdBandsRule(bands(rule), decimal(rule, "max_points"));
                // 003's per_person_completion is proportional: 0.5 × completed / scheduled.
                case PROPORTIONAL, PER_PERSON_COMPLETION -> new ProportionalRule(decimal(rule, "max_points"),
                        IndicatorComponents.proportionalDone(rule), IndicatorComponents.proportionalScheduled(rule));
                case SUM -> new SumRule(components(rule), decimal(rule, "max_points"));
                case BONUS_DISCRETIONARY -> new BonusDiscretionaryRule(decimal(rule, "max_bonus_points"));
                case RANK_BONUS -> new RankBonusRule(rule.path("top_n").asInt(0), decimal(rule, "max_bonus_points"),
                        decimals(rule.path("points_by_rank")), exclusion(text(rule, "exclude_if")),
                        text(rule, "peer_group"));
                case MILESTONE -> new MilestoneRule();
                case STAGE_PROGRESS_MAP -> new StageProgressMapRule(stages(rule.path("stages")));
                case CHECKLIST_ALL -> new ChecklistAllRule(requirements(rule.path("requirements")));
                case REDUCTION_VS_PREVIOUS_YEAR -> new ReductionVsPreviousYearRule(decimal(rule, "min"));
                // In the catalogue, so plans-service accepts them, but not scored yet: their targets are not scored.
                case RATIO_TO_TARGET, THRESHOLD_PASS, RELATIVE_TO_BASELINE, RANK_AT_MOST ->
                        throw new UnsupportedRuleException("rule type '" + name + "' is not scored yet");
            };
        } catch (IllegalArgumentException e) {
            throw new UnsupportedRuleException(name + ": " + e.getMessage());
        }
    }

    private static List<PointRule> components(JsonNode rule) {
        List<PointRule> components = new ArrayList<>();
        for (JsonNode component : rule.path("components")) {
            if (!(read(component) instanceof PointRule pointRule)) {
                throw new UnsupportedRuleException("sum component " + text(component, "type") + " awards no points");
            }
            components.add(pointRule);
        }
        return components;
    }

    /** Bands as {@code {min, max, min_inclusive, max_inclusive, points}} or as a worded {@code condition}. */
    private static List<ThresholdBandsRule.Band> bands(JsonNode rule) {
        List<ThresholdBandsRule.Band> bands = new ArrayList<>();
        for (JsonNode band : rule.path("bands")) {
            BigDecimal points = decimal(band, "points");
            if (band.has("condition")) {
                bands.add(Conditions.band(text(band, "condition"), points).orElseThrow(
                        () -> new UnsupportedRuleException("band condition '" + text(band, "condition") + "'")));
            } else {
                bands.add(new ThresholdBandsRule.Band(decimal(band, "min"), decimal(band, "max"),
                        Json.flag(band, "min_inclusive", true), Json.flag(band, "max_inclusive", true), points));
            }
        }
        return bands;
    }

    private static RankBonusRule.Exclusion exclusion(String condition) {
        if (condition == null) {
            return null;
        }
        return Conditions.comparison(condition)
                .map(c -> new RankBonusRule.Exclusion(c.relation(), c.bound()))
                .orElseThrow(() -> new UnsupportedRuleException("exclude_if '" + condition + "'"));
    }

    private static List<BigDecimal> decimals(JsonNode array) {
        List<BigDecimal> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(new BigDecimal(value.asText()));
        }
        return values;
    }

    /** Stages as {@code {"完成訂約": 20, ...}} in order. */
    private static List<StageProgressMapRule.Stage> stages(JsonNode stages) {
        List<StageProgressMapRule.Stage> list = new ArrayList<>();
        stages.properties().forEach(e -> list.add(
                new StageProgressMapRule.Stage(e.getKey(), new BigDecimal(e.getValue().asText()))));
        return list;
    }

    /** Requirements as labels or {@code {id, label, comparator, value}}, named by IndicatorComponents.requirement. */
    private static List<ChecklistAllRule.Requirement> requirements(JsonNode requirements) {
        List<ChecklistAllRule.Requirement> list = new ArrayList<>();
        for (JsonNode requirement : requirements) {
            String id = IndicatorComponents.requirement(requirement, list.size());
            if (requirement.isObject()) {
                list.add(new ChecklistAllRule.Requirement(id, text(requirement, "label"),
                        Relation.parse(text(requirement, "comparator")), decimal(requirement, "value")));
            } else {
                list.add(new ChecklistAllRule.Requirement(id, requirement.asText(), null, null));
            }
        }
        return list;
    }
}
