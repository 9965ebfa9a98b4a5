package io.planscore.plans.document;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks an indicator's {@code scoring_rule} against the rule types of SCORING.md §6 and the catalogue of
 * seeds-model §4 (R1–R19), plus {@code per_person_completion} (seed 003 F3-G4 part 2). Each rule's
 * parameters are checked for presence, type and range; other keys (text, formal, note, …) are kept.
 */
final class ScoringRuleCheck {

    /** Rule type → its required numeric parameters. */
    static final Map<String, Set<String>> REQUIRED_NUMBERS = Map.ofEntries(
            Map.entry("per_unit_capped", Set.of("points_per_unit", "max_points")),
            Map.entry("base_plus_steps", Set.of("threshold", "base_points", "step_size", "points_per_step", "max_points")),
            Map.entry("deduction_per_incident", Set.of("base_points", "deduction_per_incident")),
            Map.entry("threshold_bands", Set.of()),
            Map.entry("proportional", Set.of("max_points")),
            Map.entry("per_person_completion", Set.of("max_points")),
            Map.entry("sum", Set.of()),
            Map.entry("bonus_discretionary", Set.of("max_bonus_points")),
            Map.entry("rank_bonus", Set.of("top_n", "max_bonus_points")),
            Map.entry("milestone", Set.of()),
            Map.entry("stage_progress_map", Set.of()),
            Map.entry("checklist_all", Set.of()),
            Map.entry("reduction_vs_previous_year", Set.of()),
            Map.entry("ratio_to_target", Set.of()),
            Map.entry("threshold_pass", Set.of()),
            Map.entry("relative_to_baseline", Set.of()),
            Map.entry("rank_at_most", Set.of()));

    /** Parameters that must be strictly positive when present. */
    private static final Set<String> POSITIVE = Set.of("points_per_unit", "step_size", "deduction_per_incident",
            "max_bonus_points", "top_n", "cap_units");
    /** Parameters that must not be negative when present. */
    private static final Set<String> NON_NEGATIVE = Set.of("max_points", "base_points", "points_per_step",
            "floor_points", "below_threshold_points", "min", "max_rank", "cap");
    /** Parameters that, when present, must be numbers (or null where the source leaves them unstated). */
    private static final Set<String> NUMERIC = Set.of("points_per_unit", "cap_units", "max_points", "threshold",
            "base_points", "step_size", "points_per_step", "below_threshold_points", "deduction_per_incident",
            "floor_points", "max_bonus_points", "top_n", "min", "max_rank", "cap", "progress_target");

    private ScoringRuleCheck() {
    }

    static void check(JsonNode rule, String path, boolean topLevel, DocumentValidator.Run run) {
        if (!rule.isObject()) {
            run.error(path, "TYPE", "a scoring rule must be an object with a type.");
            return;
        }
        JsonNode typeNode = rule.get("type");
        if (typeNode == null || typeNode.isNull()) {
            run.error(path + ".type", "REQUIRED", "a scoring rule needs a type, one of " + new TreeSet<>(REQUIRED_NUMBERS.keySet()) + ".");
            return;
        }
        String type = typeNode.asText();
        if (!typeNode.isTextual() || !REQUIRED_NUMBERS.containsKey(type)) {
            run.error(path + ".type", "UNKNOWN_RULE_TYPE", "scoring rule type " + typeNode + " is not one of "
                    + new TreeSet<>(REQUIRED_NUMBERS.keySet()) + ".");
            return;
        }
        if (topLevel) {
            run.requiredText(rule, "text", path + ".text");
        } else {
            run.optionalString(rule, "text", path + ".text", true);
        }
        for (String name : REQUIRED_NUMBERS.get(type)) {
            if (rule.get(name) == null || rule.get(name).isNull()) {
                run.error(path + "." + name, "MISSING_PARAMETER", "a " + type + " rule needs " + name + ".");
            }
        }
        rule.fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode value = e.getValue();
            if (!NUMERIC.contains(name) || value.isNull()) {
                return;
            }
            String at = path + "." + name;
            if (!value.isNumber()) {
                run.error(at, "INVALID_PARAMETER", name + " must be a number, not " + value + ".");
                return;
            }
            BigDecimal v = value.decimalValue();
            if (POSITIVE.contains(name) && v.signum() <= 0) {
                run.error(at, "INVALID_PARAMETER", name + " must be greater than 0, not " + v.toPlainString() + ".");
            } else if (NON_NEGATIVE.contains(name) && v.signum() < 0) {
                run.error(at, "INVALID_PARAMETER", name + " must not be negative, not " + v.toPlainString() + ".");
            }
            if ((name.equals("top_n") || name.equals("cap_units") || name.equals("max_rank")) && !value.isIntegralNumber()) {
                run.error(at, "INVALID_PARAMETER", name + " must be a whole number, not " + v.toPlainString() + ".");
            }
        });
        JsonNode inclusive = rule.get("threshold_inclusive");
        if (inclusive != null && !inclusive.isNull() && !inclusive.isBoolean()) {
            run.error(path + ".threshold_inclusive", "INVALID_PARAMETER", "threshold_inclusive must be true or false.");
        }
        switch (type) {
            case "base_plus_steps" -> maxAtLeast(rule, path, "base_points", run);
            case "threshold_bands" -> bands(rule, path, run);
            case "sum" -> components(rule, path, run);
            case "rank_bonus" -> {
                pointsByRank(rule, path, run);
                // The plans ranked together; without it, every plan of the same government.
                String group = run.optionalString(rule, "peer_group", path + ".peer_group", true);
                if (group != null && group.isBlank()) {
                    run.error(path + ".peer_group", "INVALID_PARAMETER", "peer_group must name a group, not be blank.");
                }
            }
            case "per_person_completion" -> objectOfNumbers(rule, "points_per_person", path, run);
            case "stage_progress_map" -> stages(rule, path, run);
            case "checklist_all" -> {
                JsonNode requirements = rule.get("requirements");
                if (requirements != null && !requirements.isNull() && !requirements.isArray()) {
                    run.error(path + ".requirements", "INVALID_PARAMETER", "requirements must be an array.");
                }
            }
            default -> {
            }
        }
    }

    private static void maxAtLeast(JsonNode rule, String path, String lower, DocumentValidator.Run run) {
        JsonNode max = rule.get("max_points");
        JsonNode low = rule.get(lower);
        if (max != null && max.isNumber() && low != null && low.isNumber()
                && max.decimalValue().compareTo(low.decimalValue()) < 0) {
            run.error(path + ".max_points", "INVALID_PARAMETER", "max_points " + max.decimalValue().toPlainString()
                    + " is below " + lower + " " + low.decimalValue().toPlainString() + ".");
        }
    }

    private static void bands(JsonNode rule, String path, DocumentValidator.Run run) {
        JsonNode bands = rule.get("bands");
        if (bands == null || !bands.isArray() || bands.isEmpty()) {
            run.error(path + ".bands", "MISSING_PARAMETER", "a threshold_bands rule needs bands: a non-empty array of {min, max, points} or {condition, points}.");
            return;
        }
        for (int i = 0; i < bands.size(); i++) {
            JsonNode band = bands.get(i);
            String at = path + ".bands[" + i + "]";
            if (!band.isObject()) {
                run.error(at, "INVALID_PARAMETER", "a band must be an object.");
                continue;
            }
            JsonNode points = band.get("points");
            if (points == null || !points.isNumber()) {
                run.error(at + ".points", "MISSING_PARAMETER", "a band needs its points, a number.");
            } else if (points.decimalValue().signum() < 0) {
                run.error(at + ".points", "INVALID_PARAMETER", "points must not be negative.");
            }
            boolean bounded = band.has("min") || band.has("max");
            boolean described = band.hasNonNull("condition");
            if (!bounded && !described) {
                run.error(at, "MISSING_PARAMETER", "a band needs min and/or max, or a condition.");
            }
            JsonNode min = band.get("min");
            JsonNode max = band.get("max");
            if (min != null && !min.isNull() && !min.isNumber()) {
                run.error(at + ".min", "INVALID_PARAMETER", "min must be a number.");
            }
            if (max != null && !max.isNull() && !max.isNumber()) {
                run.error(at + ".max", "INVALID_PARAMETER", "max must be a number.");
            }
            if (min != null && max != null && min.isNumber() && max.isNumber()
                    && min.decimalValue().compareTo(max.decimalValue()) > 0) {
                run.error(at, "INVALID_PARAMETER", "min " + min.decimalValue().toPlainString() + " is above max "
                        + max.decimalValue().toPlainString() + ".");
            }
        }
    }

    private static void components(JsonNode rule, String path, DocumentValidator.Run run) {
        JsonNode components = rule.get("components");
        if (components == null || !components.isArray() || components.isEmpty()) {
            run.error(path + ".components", "MISSING_PARAMETER", "a sum rule needs components: a non-empty array of rules.");
            return;
        }
        for (int i = 0; i < components.size(); i++) {
            check(components.get(i), path + ".components[" + i + "]", false, run);
        }
    }

    private static void pointsByRank(JsonNode rule, String path, DocumentValidator.Run run) {
        JsonNode points = rule.get("points_by_rank");
        if (points == null || points.isNull()) {
            return; // SCORING.md §6 gives a default
        }
        if (!points.isArray()) {
            run.error(path + ".points_by_rank", "INVALID_PARAMETER", "points_by_rank must be an array of numbers (rank 1 first) or null.");
            return;
        }
        JsonNode topN = rule.get("top_n");
        if (topN != null && topN.isIntegralNumber() && points.size() > topN.asInt()) {
            run.error(path + ".points_by_rank", "INVALID_PARAMETER", "points_by_rank has " + points.size()
                    + " entries, more than top_n " + topN.asInt() + ".");
        }
        for (int i = 0; i < points.size(); i++) {
            if (!points.get(i).isNumber() || points.get(i).decimalValue().signum() < 0) {
                run.error(path + ".points_by_rank[" + i + "]", "INVALID_PARAMETER", "points must be non-negative numbers.");
            }
        }
    }

    private static void objectOfNumbers(JsonNode rule, String field, String path, DocumentValidator.Run run) {
        JsonNode value = rule.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isObject()) {
            run.error(path + "." + field, "INVALID_PARAMETER", field + " must be an object of numbers.");
            return;
        }
        value.fields().forEachRemaining(e -> {
            if (!e.getValue().isNumber()) {
                run.error(path + "." + field + "." + e.getKey(), "INVALID_PARAMETER", "must be a number.");
            }
        });
    }

    private static void stages(JsonNode rule, String path, DocumentValidator.Run run) {
        JsonNode stages = rule.get("stages");
        if (stages == null || stages.isNull() || (!stages.isObject() && !stages.isArray()) || stages.isEmpty()) {
            run.error(path + ".stages", "MISSING_PARAMETER", "a stage_progress_map rule needs stages (stage → progress %).");
        } else if (stages.isObject()) {
            objectOfNumbers(rule, "stages", path, run);
        }
    }
}
