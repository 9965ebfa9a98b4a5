package io.planscore.plans.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.model.DocumentFields;
import io.planscore.model.FormulaCheck;
import io.planscore.model.ScoringRuleCheck;
import io.planscore.platform.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a plan document ({@code seed-plan-fixture/v1}) and reports every problem at once, each located
 * by its path in the document ({@code goals[3].indicators[1].targets[0].number}).
 *
 * <p>Errors (the document is refused): wrong {@code schema}, missing or mistyped fields, values outside
 * the schema's enums, duplicate facet, goal or indicator ids (indicator ids are unique in the whole
 * plan, since measurements name them alone), duplicate target years, a target year outside the plan
 * period, numeric target forms without a number, {@code value ≠ number × scale}, scoring rules of an
 * unknown type or with missing or invalid parameters, formulas that do not parse or name an unknown
 * operand, facet references to unknown facets, unknown baseline rules.
 *
 * <p>Warnings (the document is stored): weights that do not add up (facets to 100, goals to their facet,
 * indicators to their goal) unless bonus-only goals or conditional weights explain the difference,
 * a {@code counts} block that disagrees with the document, and fields the schema does not know.
 *
 * <p>Provenance fields the schema requires of fixtures ({@code fixture_id}, {@code source}, {@code counts},
 * {@code programs}, {@code source_lines}, {@code narrative_items}, {@code note}, …) are optional here, so
 * an administrator can write a plan by hand; when present they are type-checked and stored verbatim.
 */
@ApplicationScoped
public class DocumentValidator {

    public static final Set<String> PLAN_KINDS = Set.of("mid_term", "annual");
    public static final Set<String> GOAL_KINDS = Set.of("key_strategic", "common", "facet_goal", "annual_strategy");
    public static final Set<String> CATEGORIES = Set.of("業務成果", "行政效率", "財務管理", "組織學習", "服務效能", "人力發展");
    public static final Set<String> INDICATOR_KINDS = Set.of("kpi", "common_indicator", "measure", "pledge", "work_item");
    public static final Set<String> POLARITIES = Set.of("higher_is_better", "lower_is_better", "band");
    public static final Set<String> POLARITY_BASES = Set.of("explicit", "inferred", "default");
    public static final Set<String> CADENCES = Set.of("monthly", "quarterly", "semi-annual", "annual");
    public static final Set<String> TARGET_FORMS = Set.of("percent", "quantity", "rank", "duration", "direction",
            "none", "missing", "compound", "text", "milestone", "frequency", "external_reference", "band");
    /** Forms whose cell is a number: {@code number} is required. */
    public static final Set<String> NUMERIC_FORMS = Set.of("percent", "quantity", "rank", "duration");
    public static final Set<String> COMPARATORS = Set.of(">=", "<=", ">", "<", "=", "between",
            "increase_vs_baseline", "decrease_vs_baseline");
    public static final Set<String> BASELINE_TYPES = Set.of("mean_of_previous_n_years", "previous_year_value",
            "previous_year", "fixed");

    private static final Set<String> ROOT_FIELDS = Set.of("schema", "fixture_id", "source", "plan",
            "evaluation_code_legend", "evaluation_code_legend_en", "facets", "goals", "programs", "counts");
    private static final Set<String> PLAN_FIELDS = Set.of("government", "agency", "agency_en", "parent_plan", "title",
            "kind", "period", "mission", "vision", "priorities", "related_plans");
    private static final Set<String> FACET_FIELDS = Set.of("id", "name", "name_en", "weight_pct", "cap_pct",
            "cap_rule_text", "source_heading", "note");
    private static final Set<String> GOAL_FIELDS = Set.of("id", "seq", "kind", "name", "name_en", "category",
            "category_en", "facet_id", "weight_pct", "bonus_max_pct", "narrative_items", "indicators", "source_lines",
            "note");
    private static final Set<String> INDICATOR_FIELDS = Set.of("id", "no", "kind", "name", "name_en", "weight_pct",
            "conditional_weights", "evaluation_code", "evaluation_method", "measurement_standard", "formula",
            "polarity", "baseline", "completion_deadline", "cadence", "aggregation", "targets", "scoring_rule",
            "source_lines", "note");
    private static final Set<String> TARGET_FIELDS = Set.of("year_roc", "year_ad", "raw", "form", "comparator",
            "comparator_basis", "number", "scale", "value", "value_max", "unit", "deadline", "parts", "note");

    public ValidationReport validate(JsonNode document) {
        // text that cannot be stored or numbers too long to write out stop here, before any check converts them
        List<FieldError> unkeepable = document == null ? List.of() : InputBounds.check(document);
        if (!unkeepable.isEmpty()) {
            return new ValidationReport(unkeepable, List.of());
        }
        Run run = new Run();
        run.document(document);
        return new ValidationReport(List.copyOf(run.errors), List.copyOf(run.warnings));
    }

    /** One validation pass; collects everything instead of stopping at the first problem. */
    static final class Run {
        final List<FieldError> errors = new ArrayList<>();
        final List<ValidationWarning> warnings = new ArrayList<>();
        private final Set<String> facetIds = new HashSet<>();
        private final Map<String, String> indicatorPaths = new HashMap<>();
        private Integer adStart;
        private Integer adEnd;

        void error(String path, String code, String message) {
            errors.add(new FieldError(path, code, message));
        }

        void warn(ValidationWarning warning) {
            warnings.add(warning);
        }

        void document(JsonNode doc) {
            if (doc == null || !doc.isObject()) {
                error("$", "NOT_AN_OBJECT", "A plan document is a JSON object with schema \"" + PlanDocument.SCHEMA + "\".");
                return;
            }
            unknownFields(doc, "", ROOT_FIELDS);
            JsonNode schema = doc.get("schema");
            if (schema == null || schema.isNull()) {
                error("schema", "REQUIRED", "schema is required and must be \"" + PlanDocument.SCHEMA + "\".");
            } else if (!PlanDocument.SCHEMA.equals(schema.asText()) || !schema.isTextual()) {
                error("schema", "SCHEMA_MISMATCH", "schema must be \"" + PlanDocument.SCHEMA + "\", not " + schema + ".");
            }
            optionalString(doc, "fixture_id", "fixture_id", false);
            JsonNode source = doc.get("source");
            if (source != null && !source.isNull() && !source.isObject()) {
                error("source", "TYPE", "source must be an object.");
            }
            plan(doc.get("plan"));
            legend(doc, "evaluation_code_legend");
            legend(doc, "evaluation_code_legend_en");
            List<FacetWeights> facets = facets(doc.get("facets"));
            goals(doc.get("goals"), facets);
            JsonNode programs = doc.get("programs");
            if (programs != null && !programs.isNull() && !programs.isArray()) {
                error("programs", "TYPE", "programs must be an array.");
            }
            counts(doc);
        }

        private void plan(JsonNode plan) {
            if (plan == null || plan.isNull()) {
                error("plan", "REQUIRED", "plan is required: government, agency, title, kind and period.");
                return;
            }
            if (!plan.isObject()) {
                error("plan", "TYPE", "plan must be an object.");
                return;
            }
            unknownFields(plan, "plan", PLAN_FIELDS);
            optionalString(plan, "government", "plan.government", true);
            requiredText(plan, "agency", "plan.agency");
            optionalString(plan, "agency_en", "plan.agency_en", true);
            optionalString(plan, "parent_plan", "plan.parent_plan", true);
            requiredText(plan, "title", "plan.title");
            requiredEnum(plan, "kind", "plan.kind", PLAN_KINDS);
            optionalString(plan, "mission", "plan.mission", true);
            optionalString(plan, "vision", "plan.vision", true);
            stringArray(plan, "priorities", "plan.priorities");
            stringArray(plan, "related_plans", "plan.related_plans");
            JsonNode period = plan.get("period");
            if (period == null || period.isNull()) {
                error("plan.period", "REQUIRED", "plan.period is required: roc_start, roc_end, ad_start, ad_end.");
                return;
            }
            if (!period.isObject()) {
                error("plan.period", "TYPE", "plan.period must be an object.");
                return;
            }
            unknownFields(period, "plan.period", Set.of("roc_start", "roc_end", "ad_start", "ad_end", "years_roc"));
            Integer rocStart = requiredInt(period, "roc_start", "plan.period.roc_start");
            Integer rocEnd = requiredInt(period, "roc_end", "plan.period.roc_end");
            Integer ads = requiredInt(period, "ad_start", "plan.period.ad_start");
            Integer ade = requiredInt(period, "ad_end", "plan.period.ad_end");
            if (rocStart != null && ads != null && ads != rocStart + 1911) {
                error("plan.period.ad_start", "YEAR_MISMATCH", "ad_start " + ads + " is not roc_start " + rocStart
                        + " + 1911 = " + (rocStart + 1911) + ".");
            }
            if (rocEnd != null && ade != null && ade != rocEnd + 1911) {
                error("plan.period.ad_end", "YEAR_MISMATCH", "ad_end " + ade + " is not roc_end " + rocEnd
                        + " + 1911 = " + (rocEnd + 1911) + ".");
            }
            if (ads != null && ade != null) {
                if (ade < ads) {
                    error("plan.period.ad_end", "PERIOD_REVERSED", "ad_end " + ade + " is before ad_start " + ads + ".");
                } else {
                    adStart = ads;
                    adEnd = ade;
                }
            }
            JsonNode years = period.get("years_roc");
            if (years != null && !years.isNull()) {
                if (!years.isArray()) {
                    error("plan.period.years_roc", "TYPE", "years_roc must be an array of integers.");
                } else {
                    for (int i = 0; i < years.size(); i++) {
                        JsonNode y = years.get(i);
                        String path = "plan.period.years_roc[" + i + "]";
                        if (!y.isIntegralNumber()) {
                            error(path, "TYPE", "years_roc items must be integers.");
                        } else if (rocStart != null && rocEnd != null && (y.asInt() < rocStart || y.asInt() > rocEnd)) {
                            error(path, "YEAR_OUT_OF_PERIOD", "year " + y.asInt() + " lies outside the period "
                                    + rocStart + "–" + rocEnd + ".");
                        }
                    }
                }
            }
        }

        private void legend(JsonNode doc, String field) {
            JsonNode legend = doc.get(field);
            if (legend == null || legend.isNull()) {
                return;
            }
            if (!legend.isObject()) {
                error(field, "TYPE", field + " must be an object of code → text, or null.");
                return;
            }
            legend.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    error(field + "." + e.getKey(), "TYPE", "legend entries must be strings.");
                }
            });
        }

        record FacetWeights(String id, String path, BigDecimal weight) {
        }

        private List<FacetWeights> facets(JsonNode facets) {
            List<FacetWeights> result = new ArrayList<>();
            if (facets == null || facets.isNull()) {
                return result;
            }
            if (!facets.isArray()) {
                error("facets", "TYPE", "facets must be an array.");
                return result;
            }
            for (int i = 0; i < facets.size(); i++) {
                String path = "facets[" + i + "]";
                JsonNode facet = facets.get(i);
                if (!facet.isObject()) {
                    error(path, "TYPE", "a facet must be an object.");
                    continue;
                }
                unknownFields(facet, path, FACET_FIELDS);
                String id = requiredText(facet, "id", path + ".id");
                if (id != null && !facetIds.add(id)) {
                    error(path + ".id", "DUPLICATE_ID", "facet id '" + id + "' is used twice.");
                }
                requiredText(facet, "name", path + ".name");
                optionalString(facet, "name_en", path + ".name_en", true);
                BigDecimal weight = optionalNumber(facet, "weight_pct", path + ".weight_pct", true);
                optionalNumber(facet, "cap_pct", path + ".cap_pct", true);
                result.add(new FacetWeights(id, path, weight));
            }
            return result;
        }

        private void goals(JsonNode goals, List<FacetWeights> facets) {
            if (goals == null || goals.isNull()) {
                error("goals", "REQUIRED", "goals is required (an array, possibly empty).");
                return;
            }
            if (!goals.isArray()) {
                error("goals", "TYPE", "goals must be an array.");
                return;
            }
            Map<String, String> goalPaths = new HashMap<>();
            Map<String, List<GoalWeights>> byFacet = new HashMap<>();
            for (int g = 0; g < goals.size(); g++) {
                String path = "goals[" + g + "]";
                JsonNode goal = goals.get(g);
                if (!goal.isObject()) {
                    error(path, "TYPE", "a goal must be an object.");
                    continue;
                }
                unknownFields(goal, path, GOAL_FIELDS);
                String id = requiredText(goal, "id", path + ".id");
                if (id != null) {
                    String first = goalPaths.putIfAbsent(id, path);
                    if (first != null) {
                        error(path + ".id", "DUPLICATE_ID", "goal id '" + id + "' is already used by " + first + ".");
                    }
                }
                optionalString(goal, "seq", path + ".seq", true);
                requiredEnum(goal, "kind", path + ".kind", GOAL_KINDS);
                requiredText(goal, "name", path + ".name");
                optionalString(goal, "name_en", path + ".name_en", true);
                optionalEnum(goal, "category", path + ".category", CATEGORIES);
                optionalString(goal, "category_en", path + ".category_en", true);
                String facetId = optionalString(goal, "facet_id", path + ".facet_id", true);
                if (facetId != null && !facetIds.contains(facetId)) {
                    error(path + ".facet_id", "UNKNOWN_FACET", "facet '" + facetId + "' is not among the plan's facets "
                            + (facetIds.isEmpty() ? "(there are none)" : facetIds.stream().sorted().toList()) + ".");
                }
                BigDecimal weight = optionalNumber(goal, "weight_pct", path + ".weight_pct", true);
                BigDecimal bonus = optionalNumber(goal, "bonus_max_pct", path + ".bonus_max_pct", true);
                nonNegative(weight, path + ".weight_pct");
                nonNegative(bonus, path + ".bonus_max_pct");
                stringArray(goal, "narrative_items", path + ".narrative_items");
                intArray(goal, "source_lines", path + ".source_lines");
                optionalString(goal, "note", path + ".note", true);
                IndicatorWeights indicatorWeights = indicators(goal.get("indicators"), path);
                if (weight != null && indicatorWeights.sum != null && weight.compareTo(indicatorWeights.sum) != 0
                        && !indicatorWeights.conditional) {
                    warn(new ValidationWarning(path + ".indicators", "WEIGHTS_DO_NOT_ADD_UP",
                            "the indicator weights of goal '" + id + "' add up to " + plain(indicatorWeights.sum)
                                    + ", not to the goal's weight " + plain(weight) + ".", weight, indicatorWeights.sum));
                }
                byFacet.computeIfAbsent(facetId == null ? "" : facetId, k -> new ArrayList<>())
                        .add(new GoalWeights(weight, bonus));
            }
            facetWeights(facets, byFacet);
        }

        record GoalWeights(BigDecimal weight, BigDecimal bonus) {
        }

        record IndicatorWeights(BigDecimal sum, boolean conditional) {
        }

        private void facetWeights(List<FacetWeights> facets, Map<String, List<GoalWeights>> byFacet) {
            BigDecimal facetSum = null;
            for (FacetWeights facet : facets) {
                if (facet.weight() != null) {
                    facetSum = facetSum == null ? facet.weight() : facetSum.add(facet.weight());
                }
                List<GoalWeights> goals = byFacet.getOrDefault(facet.id(), List.of());
                if (facet.weight() == null || goals.isEmpty()) {
                    continue; // a facet without goals is assessed outside the indicators (seed 003 facet 5)
                }
                BigDecimal sum = null;
                BigDecimal bonus = BigDecimal.ZERO;
                for (GoalWeights goal : goals) {
                    if (goal.weight() != null) {
                        sum = sum == null ? goal.weight() : sum.add(goal.weight());
                    } else if (goal.bonus() != null) {
                        bonus = bonus.add(goal.bonus());
                    }
                }
                if (sum == null || sum.compareTo(facet.weight()) == 0) {
                    continue;
                }
                // bonus-only goals explain a sum that reaches the facet weight only with the bonuses
                if (bonus.signum() > 0 && sum.compareTo(facet.weight()) < 0
                        && sum.add(bonus).compareTo(facet.weight()) >= 0) {
                    continue;
                }
                warn(new ValidationWarning(facet.path() + ".weight_pct", "WEIGHTS_DO_NOT_ADD_UP",
                        "the goal weights of facet '" + facet.id() + "' add up to " + plain(sum)
                                + ", not to the facet's weight " + plain(facet.weight()) + ".", facet.weight(), sum));
            }
            if (facetSum != null && facetSum.compareTo(BigDecimal.valueOf(100)) != 0) {
                warn(new ValidationWarning("facets", "WEIGHTS_DO_NOT_ADD_UP",
                        "the facet weights add up to " + plain(facetSum) + ", not to 100.", BigDecimal.valueOf(100), facetSum));
            }
        }

        private IndicatorWeights indicators(JsonNode indicators, String goalPath) {
            String base = goalPath + ".indicators";
            if (indicators == null || indicators.isNull()) {
                error(base, "REQUIRED", "indicators is required (an array, possibly empty).");
                return new IndicatorWeights(null, false);
            }
            if (!indicators.isArray()) {
                error(base, "TYPE", "indicators must be an array.");
                return new IndicatorWeights(null, false);
            }
            BigDecimal sum = null;
            boolean conditional = false;
            for (int i = 0; i < indicators.size(); i++) {
                String path = base + "[" + i + "]";
                JsonNode indicator = indicators.get(i);
                if (!indicator.isObject()) {
                    error(path, "TYPE", "an indicator must be an object.");
                    continue;
                }
                unknownFields(indicator, path, INDICATOR_FIELDS);
                String id = requiredText(indicator, "id", path + ".id");
                if (id != null) {
                    String first = indicatorPaths.putIfAbsent(id, path);
                    if (first != null) {
                        error(path + ".id", "DUPLICATE_ID", "indicator id '" + id + "' is already used by " + first
                                + "; indicator ids are unique in the plan, measurements name them alone.");
                    }
                }
                optionalString(indicator, "no", path + ".no", true);
                requiredEnum(indicator, "kind", path + ".kind", INDICATOR_KINDS);
                requiredText(indicator, "name", path + ".name");
                optionalString(indicator, "name_en", path + ".name_en", true);
                BigDecimal weight = optionalNumber(indicator, "weight_pct", path + ".weight_pct", true);
                nonNegative(weight, path + ".weight_pct");
                if (weight != null) {
                    sum = sum == null ? weight : sum.add(weight);
                }
                JsonNode conditionalWeights = indicator.get("conditional_weights");
                if (conditionalWeights != null && !conditionalWeights.isNull()) {
                    if (!conditionalWeights.isArray()) {
                        error(path + ".conditional_weights", "TYPE", "conditional_weights must be an array.");
                    } else if (!conditionalWeights.isEmpty()) {
                        conditional = true;
                    }
                }
                JsonNode code = indicator.get("evaluation_code");
                if (code != null && !code.isNull()) {
                    if (!code.isIntegralNumber() || code.asInt() < 1 || code.asInt() > 5) {
                        error(path + ".evaluation_code", "INVALID_CODE", "evaluation_code must be an integer 1–5 (評估體制), not " + code + ".");
                    }
                }
                optionalString(indicator, "evaluation_method", path + ".evaluation_method", true);
                optionalString(indicator, "measurement_standard", path + ".measurement_standard", true);
                JsonNode formula = indicator.get("formula");
                FormulaCheck.check(formula, path + ".formula", this::error);
                if (formula != null && formula.isObject()) {
                    unknownFields(formula, path + ".formula", FormulaCheck.FIELDS);
                }
                polarity(indicator.get("polarity"), path + ".polarity");
                baseline(indicator.get("baseline"), path + ".baseline");
                date(indicator.get("completion_deadline"), path + ".completion_deadline");
                optionalEnum(indicator, "cadence", path + ".cadence", CADENCES);
                optionalString(indicator, "aggregation", path + ".aggregation", true);
                targets(indicator.get("targets"), path);
                JsonNode rule = indicator.get("scoring_rule");
                if (rule != null && !rule.isNull()) {
                    ScoringRuleCheck.check(rule, path + ".scoring_rule", true, this::error);
                }
                intArray(indicator, "source_lines", path + ".source_lines");
                optionalString(indicator, "note", path + ".note", true);
            }
            return new IndicatorWeights(sum, conditional);
        }

        private void polarity(JsonNode polarity, String path) {
            if (polarity == null || polarity.isNull()) {
                return;
            }
            if (!polarity.isObject()) {
                error(path, "TYPE", "polarity must be an object {value, basis, evidence}.");
                return;
            }
            requiredEnum(polarity, "value", path + ".value", POLARITIES);
            optionalEnum(polarity, "basis", path + ".basis", POLARITY_BASES);
            optionalString(polarity, "evidence", path + ".evidence", true);
        }

        private void baseline(JsonNode baseline, String path) {
            if (baseline == null || baseline.isNull()) {
                return;
            }
            if (!baseline.isObject()) {
                error(path, "TYPE", "baseline must be an object with a type.");
                return;
            }
            String type = requiredEnum(baseline, "type", path + ".type", BASELINE_TYPES);
            if ("mean_of_previous_n_years".equals(type)) {
                JsonNode n = baseline.get("n");
                if (n == null || !n.isIntegralNumber() || n.asInt() < 1) {
                    error(path + ".n", "INVALID_PARAMETER", "mean_of_previous_n_years needs n, a positive integer.");
                }
            } else if ("fixed".equals(type)) {
                JsonNode value = baseline.get("value");
                if (value == null || !value.isNumber()) {
                    error(path + ".value", "INVALID_PARAMETER", "a fixed baseline needs a numeric value.");
                }
            }
        }

        private void date(JsonNode date, String path) {
            if (date == null || date.isNull()) {
                return;
            }
            if (!date.isObject()) {
                error(path, "TYPE", "a date is an object {roc, ad}.");
                return;
            }
            requiredText(date, "roc", path + ".roc");
            String ad = requiredText(date, "ad", path + ".ad");
            if (ad != null) {
                try {
                    java.time.LocalDate.parse(ad);
                } catch (java.time.format.DateTimeParseException e) {
                    error(path + ".ad", "INVALID_DATE", "ad must be an ISO date (2018-12-31), not '" + ad + "'.");
                }
            }
        }

        private void targets(JsonNode targets, String indicatorPath) {
            String base = indicatorPath + ".targets";
            if (targets == null || targets.isNull()) {
                error(base, "REQUIRED", "targets is required (an array, one target per plan year).");
                return;
            }
            if (!targets.isArray()) {
                error(base, "TYPE", "targets must be an array.");
                return;
            }
            Set<Integer> years = new HashSet<>();
            for (int t = 0; t < targets.size(); t++) {
                String path = base + "[" + t + "]";
                JsonNode target = targets.get(t);
                if (!target.isObject()) {
                    error(path, "TYPE", "a target must be an object.");
                    continue;
                }
                unknownFields(target, path, TARGET_FIELDS);
                Integer yearAd = requiredInt(target, "year_ad", path + ".year_ad");
                JsonNode yearRoc = target.get("year_roc");
                if (yearRoc != null && !yearRoc.isNull()) {
                    if (!yearRoc.isIntegralNumber()) {
                        error(path + ".year_roc", "TYPE", "year_roc must be an integer.");
                    } else if (yearAd != null && yearRoc.asInt() + 1911 != yearAd) {
                        error(path + ".year_roc", "YEAR_MISMATCH", "year_roc " + yearRoc.asInt() + " is not year_ad "
                                + yearAd + " − 1911 = " + (yearAd - 1911) + ".");
                    }
                }
                if (yearAd != null) {
                    if (!years.add(yearAd)) {
                        error(path + ".year_ad", "DUPLICATE_TARGET_YEAR", "the indicator already has a target for " + yearAd + ".");
                    }
                    if (adStart != null && (yearAd < adStart || yearAd > adEnd)) {
                        error(path + ".year_ad", "YEAR_OUT_OF_PERIOD", "target year " + yearAd
                                + " lies outside the plan period " + adStart + "–" + adEnd + ".");
                    }
                }
                optionalString(target, "raw", path + ".raw", true);
                String form = requiredEnum(target, "form", path + ".form", TARGET_FORMS);
                optionalEnum(target, "comparator", path + ".comparator", COMPARATORS);
                optionalEnum(target, "comparator_basis", path + ".comparator_basis", Set.of("explicit", "inferred"));
                BigDecimal number = optionalNumber(target, "number", path + ".number", true);
                JsonNode scaleNode = target.get("scale");
                Integer scale = null;
                if (scaleNode != null && !scaleNode.isNull()) {
                    if (!scaleNode.isIntegralNumber() || scaleNode.asLong() <= 0) {
                        error(path + ".scale", "INVALID_SCALE", "scale must be a positive integer (10000 for 萬), not " + scaleNode + ".");
                    } else {
                        scale = scaleNode.asInt();
                    }
                }
                BigDecimal value = optionalNumber(target, "value", path + ".value", true);
                optionalNumber(target, "value_max", path + ".value_max", true);
                optionalString(target, "unit", path + ".unit", true);
                if (form != null && NUMERIC_FORMS.contains(form) && number == null && value == null) {
                    error(path + ".number", "NUMBER_REQUIRED", "a target of form '" + form + "' needs its number.");
                }
                if (number != null && value != null) {
                    BigDecimal expected = scale == null ? number : number.multiply(BigDecimal.valueOf(scale));
                    if (expected.compareTo(value) != 0) {
                        error(path + ".value", "VALUE_MISMATCH", "value " + plain(value) + " is not number × scale = "
                                + plain(expected) + ".");
                    }
                }
                date(target.get("deadline"), path + ".deadline");
                JsonNode parts = target.get("parts");
                if (parts != null && !parts.isNull()) {
                    if (!parts.isArray()) {
                        error(path + ".parts", "TYPE", "parts must be an array of objects.");
                    } else {
                        for (int p = 0; p < parts.size(); p++) {
                            if (!parts.get(p).isObject()) {
                                error(path + ".parts[" + p + "]", "TYPE", "a part must be an object.");
                            }
                        }
                    }
                }
                optionalString(target, "note", path + ".note", true);
            }
        }

        private void counts(JsonNode doc) {
            JsonNode counts = doc.get("counts");
            if (counts == null || counts.isNull()) {
                return;
            }
            if (!counts.isObject()) {
                error("counts", "TYPE", "counts must be an object of integers.");
                return;
            }
            counts.fields().forEachRemaining(e -> {
                if (!e.getValue().isIntegralNumber()) {
                    error("counts." + e.getKey(), "TYPE", "counts values must be integers.");
                }
            });
            JsonNode goals = doc.get("goals");
            if (goals == null || !goals.isArray()) {
                return;
            }
            int targets = 0;
            for (JsonNode goal : goals) {
                JsonNode indicators = goal.get("indicators");
                if (indicators != null && indicators.isArray()) {
                    for (JsonNode indicator : indicators) {
                        JsonNode t = indicator.get("targets");
                        targets += t != null && t.isArray() ? t.size() : 0;
                    }
                }
            }
            JsonNode declared = counts.get("targets");
            if (declared != null && declared.isIntegralNumber() && declared.asInt() != targets) {
                warn(new ValidationWarning("counts.targets", "COUNTS_MISMATCH", "counts.targets says "
                        + declared.asInt() + " but the document holds " + targets + " targets.",
                        BigDecimal.valueOf(declared.asInt()), BigDecimal.valueOf(targets)));
            }
        }

        // --- primitive checks -------------------------------------------------------------------

        void unknownFields(JsonNode node, String path, Set<String> known) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!known.contains(name)) {
                    warn(ValidationWarning.of(path.isEmpty() ? name : path + "." + name, "UNKNOWN_FIELD",
                            "'" + name + "' is not a field of " + PlanDocument.SCHEMA + "; it is stored as is."));
                }
            }
        }

        String requiredText(JsonNode node, String field, String path) {
            return DocumentFields.requiredText(node, field, path, this::error);
        }

        String optionalString(JsonNode node, String field, String path, boolean nullable) {
            return DocumentFields.optionalString(node, field, path, nullable, this::error);
        }

        String requiredEnum(JsonNode node, String field, String path, Set<String> allowed) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                error(path, "REQUIRED", field + " is required, one of " + sorted(allowed) + ".");
                return null;
            }
            if (!value.isTextual() || !allowed.contains(value.asText())) {
                error(path, "UNKNOWN_VALUE", field + " " + value + " is not one of " + sorted(allowed) + ".");
                return null;
            }
            return value.asText();
        }

        String optionalEnum(JsonNode node, String field, String path, Set<String> allowed) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual() || !allowed.contains(value.asText())) {
                error(path, "UNKNOWN_VALUE", field + " " + value + " is not one of " + sorted(allowed) + " (or null).");
                return null;
            }
            return value.asText();
        }

        Integer requiredInt(JsonNode node, String field, String path) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                error(path, "REQUIRED", field + " is required.");
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                error(path, "TYPE", field + " must be an integer, not " + value + ".");
                return null;
            }
            return value.asInt();
        }

        BigDecimal optionalNumber(JsonNode node, String field, String path, boolean nullable) {
            JsonNode value = node.get(field);
            if (value == null || (value.isNull() && nullable)) {
                return null;
            }
            if (!value.isNumber()) {
                error(path, "TYPE", field + " must be a number" + (nullable ? " or null" : "") + ", not " + value + ".");
                return null;
            }
            return value.decimalValue();
        }

        BigDecimal requiredNumber(JsonNode node, String field, String path) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                error(path, "REQUIRED", field + " is required.");
                return null;
            }
            return optionalNumber(node, field, path, false);
        }

        void nonNegative(BigDecimal value, String path) {
            if (value != null && value.signum() < 0) {
                error(path, "NEGATIVE", "must not be negative, not " + plain(value) + ".");
            }
        }

        void stringArray(JsonNode node, String field, String path) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return;
            }
            if (!value.isArray()) {
                error(path, "TYPE", field + " must be an array of strings.");
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).isTextual()) {
                    error(path + "[" + i + "]", "TYPE", "must be a string.");
                }
            }
        }

        void intArray(JsonNode node, String field, String path) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return;
            }
            if (!value.isArray()) {
                error(path, "TYPE", field + " must be an array of integers.");
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).isIntegralNumber()) {
                    error(path + "[" + i + "]", "TYPE", "must be an integer.");
                }
            }
        }

        static String plain(BigDecimal value) {
            return value.stripTrailingZeros().toPlainString();
        }

        static List<String> sorted(Set<String> values) {
            return new ArrayList<>(new LinkedHashSet<>(values.stream().sorted().toList()));
        }
    }
}
