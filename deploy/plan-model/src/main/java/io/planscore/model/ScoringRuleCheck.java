package io.planscore.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an indicator's {@code scoring_rule} against the {@link RuleType} catalogue: the type is one the engine
 * reads, and each parameter is checked for presence, type and range; other keys (text, formal, note, …) are kept.
 */
public final class ScoringRuleCheck {

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

    /** Checks a rule at {@code path}; {@code topLevel} is false for the components of a {@code sum}. */
    public static void check(JsonNode rule, String path, boolean topLevel, Problems problems) {
        if (!rule.isObject()) {
            problems.add(path, "TYPE", "a scoring rule must be an object with a type.");
            return;
        }
        JsonNode typeNode = rule.get("type");
        if (typeNode == null || typeNode.isNull()) {
            problems.add(path + ".type", "REQUIRED", "a scoring rule needs a type, one of " + RuleType.documentNames() + ".");
            return;
        }
        String type = typeNode.asText();
        Optional<RuleType> known = typeNode.isTextual() ? RuleType.named(type) : Optional.empty();
        if (known.isEmpty()) {
            problems.add(path + ".type", "UNKNOWN_RULE_TYPE", "scoring rule type " + typeNode + " is not one of "
                    + RuleType.documentNames() + ".");
            return;
        }
        if (topLevel) {
            DocumentFields.requiredText(rule, "text", path + ".text", problems);
        } else {
            DocumentFields.optionalString(rule, "text", path + ".text", true, problems);
        }
        for (String name : known.get().requiredNumbers()) {
            if (rule.get(name) == null || rule.get(name).isNull()) {
                problems.add(path + "." + name, "MISSING_PARAMETER", "a " + type + " rule needs " + name + ".");
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
                problems.add(at, "INVALID_PARAMETER", name + " must be a number, not " + value + ".");
                return;
            }
            BigDecimal v = value.decimalValue();
            if (POSITIVE.contains(name) && v.signum() <= 0) {
                problems.add(at, "INVALID_PARAMETER", name + " must be greater than 0, not " + v.toPlainString() + ".");
            } else if (NON_NEGATIVE.contains(name) && v.signum() < 0) {
                problems.add(at, "INVALID_PARAMETER", name + " must not be negative, not " + v.toPlainString() + ".");
            }
            if ((name.equals("top_n") || name.equals("cap_units") || name.equals("max_rank")) && !value.isIntegralNumber()) {
                problems.add(at, "INVALID_PARAMETER", name + " must be a whole number, not " + v.toPlainString() + ".");
            }
        });
        JsonNode inclusive = rule.get("threshold_inclusive");
        if (inclusive != null && !inclusive.isNull() && !inclusive.isBoolean()) {
            problems.add(path + ".threshold_inclusive", "INVALID_PARAMETER", "threshold_inclusive must be true or false.");
        }
        switch (type) {
            case "base_plus_steps" -> maxAtLeast(rule, path, "base_points", problems);
            case "threshold_bands" -> bands(rule, path, problems);
            case "sum" -> components(rule, path, problems);
            case "rank_bonus" -> {
                pointsByRank(rule, path, problems);
                // The plans ranked together; without it, every plan of the same government.
                String group = DocumentFields.optionalString(rule, "peer_group", path + ".peer_group", true, problems);
                if (group != null && group.isBlank()) {
                    problems.add(path + ".peer_group", "INVALID_PARAMETER", "peer_group must name a group, not be blank.");
                }
            }
            case "per_person_completion" -> objectOfNumbers(rule, "points_per_person", path, problems);
            case "stage_progress_map" -> stages(rule, path, problems);
            case "checklist_all" -> {
                JsonNode requirements = rule.get("requirements");
                if (requirements != null && !requirements.isNull() && !requirements.isArray()) {
                    problems.add(path + ".requirements", "INVALID_PARAMETER", "requirements must be an array.");
                }
            }
            default -> {
            }
        }
    }

    private static void maxAtLeast(JsonNode rule, String path, String lower, Problems problems) {
        JsonNode max = rule.get("max_points");
        JsonNode low = rule.get(lower);
        if (max != null && max.isNumber() && low != null && low.isNumber()
                && max.decimalValue().compareTo(low.decimalValue()) < 0) {
            problems.add(path + ".max_points", "INVALID_PARAMETER", "max_points " + max.decimalValue().toPlainString()
                    + " is below " + lower + " " + low.decimalValue().toPlainString() + ".");
        }
    }

    private static void bands(JsonNode rule, String path, Problems problems) {
        JsonNode bands = rule.get("bands");
        if (bands == null || !bands.isArray() || bands.isEmpty()) {
            problems.add(path + ".bands", "MISSING_PARAMETER", "a threshold_bands rule needs bands: a non-empty array of {min, max, points} or {condition, points}.");
            return;
        }
        for (int i = 0; i < bands.size(); i++) {
            JsonNode band = bands.get(i);
            String at = path + ".bands[" + i + "]";
            if (!band.isObject()) {
                problems.add(at, "INVALID_PARAMETER", "a band must be an object.");
                continue;
            }
            JsonNode points = band.get("points");
            if (points == null || !points.isNumber()) {
                problems.add(at + ".points", "MISSING_PARAMETER", "a band needs its points, a number.");
            } else if (points.decimalValue().signum() < 0) {
                problems.add(at + ".points", "INVALID_PARAMETER", "points must not be negative.");
            }
            boolean bounded = band.has("min") || band.has("max");
            boolean described = band.hasNonNull("condition");
            if (!bounded && !described) {
                problems.add(at, "MISSING_PARAMETER", "a band needs min and/or max, or a condition.");
            }
            JsonNode min = band.get("min");
            JsonNode max = band.get("max");
            if (min != null && !min.isNull() && !min.isNumber()) {
                problems.add(at + ".min", "INVALID_PARAMETER", "min must be a number.");
            }
            if (max != null && !max.isNull() && !max.isNumber()) {
                problems.add(at + ".max", "INVALID_PARAMETER", "max must be a number.");
            }
            if (min != null && max != null && min.isNumber() && max.isNumber()
                    && min.decimalValue().compareTo(max.decimalValue()) > 0) {
                problems.add(at, "INVALID_PARAMETER", "min " + min.decimalValue().toPlainString() + " is above max "
                        + max.decimalValue().toPlainString() + ".");
            }
        }
    }

    private static void components(JsonNode rule, String path, Problems problems) {
        JsonNode components = rule.get("components");
        if (components == null || !components.isArray() || components.isEmpty()) {
            problems.add(path + ".components", "MISSING_PARAMETER", "a sum rule needs components: a non-empty array of rules.");
            return;
        }
        for (int i = 0; i < components.size(); i++) {
            check(components.get(i), path + ".components[" + i + "]", false, problems);
        }
    }

    private static void pointsByRank(JsonNode rule, String path, Problems problems) {
        JsonNode points = rule.get("points_by_rank");
        if (points == null || points.isNull()) {
            return; // SCORING.md §6 gives a default
        }
        if (!points.isArray()) {
            problems.add(path + ".points_by_rank", "INVALID_PARAMETER", "points_by_rank must be an array of numbers (rank 1 first) or null.");
            return;
        }
        JsonNode topN = rule.get("top_n");
        if (topN != null && topN.isIntegralNumber() && points.size() > topN.asInt()) {
            problems.add(path + ".points_by_rank", "INVALID_PARAMETER", "points_by_rank has " + points.size()
                    + " entries, more than top_n " + topN.asInt() + ".");
        }
        for (int i = 0; i < points.size(); i++) {
            if (!points.get(i).isNumber() || points.get(i).decimalValue().signum() < 0) {
                problems.add(path + ".points_by_rank[" + i + "]", "INVALID_PARAMETER", "points must be non-negative numbers.");
            }
        }
    }

    private static void objectOfNumbers(JsonNode rule, String field, String path, Problems problems) {
        JsonNode value = rule.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isObject()) {
            problems.add(path + "." + field, "INVALID_PARAMETER", field + " must be an object of numbers.");
            return;
        }
        value.fields().forEachRemaining(e -> {
            if (!e.getValue().isNumber()) {
                problems.add(path + "." + field + "." + e.getKey(), "INVALID_PARAMETER", "must be a number.");
            }
        });
    }

    private static void stages(JsonNode rule, String path, Problems problems) {
        JsonNode stages = rule.get("stages");
        if (stages == null || stages.isNull() || (!stages.isObject() && !stages.isArray()) || stages.isEmpty()) {
            problems.add(path + ".stages", "MISSING_PARAMETER", "a stage_progress_map rule needs stages (stage → progress %).");
        } else if (stages.isObject()) {
            objectOfNumbers(rule, "stages", path, problems);
        }
    }
}
