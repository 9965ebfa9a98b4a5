package io.planscore.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of scoring rule types a plan document may name (SCORING.md §6, the seeds-model catalogue R1–R19,
 * and seed 003's {@code per_person_completion}), with the numeric parameters each one requires. plans-service
 * accepts exactly these types ({@link ScoringRuleCheck}) and the engine reads each of them ({@link RuleReader},
 * which must decide for every one), so the two cannot drift apart.
 */
public enum RuleType {
    PER_UNIT_CAPPED("per_unit_capped", "points_per_unit", "max_points"),
    BASE_PLUS_STEPS("base_plus_steps", "threshold", "base_points", "step_size", "points_per_step", "max_points"),
    DEDUCTION_PER_INCIDENT("deduction_per_incident", "base_points", "deduction_per_incident"),
    THRESHOLD_BANDS("threshold_bands"),
    PROPORTIONAL("proportional", "max_points"),
    PER_PERSON_COMPLETION("per_person_completion", "max_points"),
    SUM("sum"),
    BONUS_DISCRETIONARY("bonus_discretionary", "max_bonus_points"),
    RANK_BONUS("rank_bonus", "top_n", "max_bonus_points"),
    MILESTONE("milestone"),
    STAGE_PROGRESS_MAP("stage_progress_map"),
    CHECKLIST_ALL("checklist_all"),
    REDUCTION_VS_PREVIOUS_YEAR("reduction_vs_previous_year"),
    RATIO_TO_TARGET("ratio_to_target"),
    THRESHOLD_PASS("threshold_pass"),
    RELATIVE_TO_BASELINE("relative_to_baseline"),
    RANK_AT_MOST("rank_at_most");

    private static final Map<String, RuleType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(RuleType::documentName, Function.identity()));

    private final String documentName;
    private final Set<String> requiredNumbers;

    RuleType(String documentName, String... requiredNumbers) {
        this.documentName = documentName;
        this.requiredNumbers = Set.of(requiredNumbers);
    }

    /** The type's name in a plan document, e.g. {@code base_plus_steps}. */
    public String documentName() {
        return documentName;
    }

    /** The parameters a rule of this type must state, each a number. */
    public Set<String> requiredNumbers() {
        return requiredNumbers;
    }

    public static Optional<RuleType> named(String documentName) {
        return Optional.ofNullable(documentName).map(BY_NAME::get);
    }

    /** Every document name, sorted, as problems list them. */
    public static Set<String> documentNames() {
        return new TreeSet<>(BY_NAME.keySet());
    }
}
