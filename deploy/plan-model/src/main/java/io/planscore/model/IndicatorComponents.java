package io.planscore.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The components a measurement event may name for an indicator of a {@code seed-plan-fixture/v1} document, and
 * the conventions that name them (docs/scoring.md, decision 11). measurements-service accepts exactly these names
 * and scoring-service's plan reader hands the same names to the engine, so what one accepts the other reads.
 */
public final class IndicatorComponents {

    /** The default components of a {@code proportional} rule, {@code max_points × done / scheduled}. */
    public static final String DONE = "done";
    public static final String SCHEDULED = "scheduled";

    private IndicatorComponents() {
    }

    /**
     * Every component name the indicator accepts, in document order: its formula operands (derived ones such as
     * {@code B = B1 + B2} included), the parts of its compound targets and the components its scoring rule reads.
     */
    public static Set<String> accepted(JsonNode indicator) {
        Set<String> names = new LinkedHashSet<>();
        indicator.path("formula").path("operands").fieldNames().forEachRemaining(names::add);
        for (JsonNode target : indicator.path("targets")) {
            if ("compound".equals(target.path("form").asText())) {
                for (int index = 0; index < target.path("parts").size(); index++) {
                    names.add(compoundPart(index));
                }
            }
        }
        addRuleComponents(indicator.path("scoring_rule"), names);
        return names;
    }

    /** The component that reports part {@code index} (0-based) of a compound target: P1, P2, ... */
    public static String compoundPart(int index) {
        return "P" + (index + 1);
    }

    /** The component of requirement {@code index} (0-based) of a {@code checklist_all} rule: its id, else R1, R2, ... */
    public static String requirement(JsonNode requirement, int index) {
        return nameOr(requirement.path("id"), "R" + (index + 1));
    }

    /** The component a {@code proportional} rule reads as done: the rule's {@code done}, else {@value #DONE}. */
    public static String proportionalDone(JsonNode rule) {
        return nameOr(rule.path("done"), DONE);
    }

    /** The component a {@code proportional} rule divides by: the rule's {@code scheduled}, else {@value #SCHEDULED}. */
    public static String proportionalScheduled(JsonNode rule) {
        return nameOr(rule.path("scheduled"), SCHEDULED);
    }

    private static void addRuleComponents(JsonNode rule, Set<String> names) {
        switch (rule.path("type").asText()) {
            // 003's per_person_completion is scored as proportional.
            case "proportional", "per_person_completion" -> {
                names.add(proportionalDone(rule));
                names.add(proportionalScheduled(rule));
            }
            case "checklist_all" -> {
                JsonNode requirements = rule.path("requirements");
                for (int index = 0; index < requirements.size(); index++) {
                    names.add(requirement(requirements.get(index), index));
                }
            }
            case "stage_progress_map" -> rule.path("stages").fieldNames().forEachRemaining(names::add);
            case "sum" -> rule.path("components").forEach(component -> addRuleComponents(component, names));
            default -> {
                // The other rules score the indicator's own value.
            }
        }
    }

    private static String nameOr(JsonNode name, String otherwise) {
        return name.isValueNode() && !name.isNull() && !name.asText().isBlank() ? name.asText() : otherwise;
    }
}
