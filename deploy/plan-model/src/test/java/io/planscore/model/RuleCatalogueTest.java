package io.planscore.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** One catalogue: what the rule check accepts is what the rule reader decides on, with problems at their paths. */
class RuleCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AT = "goals[0].indicators[0].scoring_rule";
    /** Accepted by validation, not scored by the engine yet (their targets end UNSUPPORTED_RULE). */
    private static final Set<RuleType> NOT_SCORED_YET = EnumSet.of(RuleType.RATIO_TO_TARGET, RuleType.THRESHOLD_PASS,
            RuleType.RELATIVE_TO_BASELINE, RuleType.RANK_AT_MOST);

    record Problem(String path, String code, String message) {
    }

    private static List<Problem> check(String rule) throws Exception {
        List<Problem> problems = new ArrayList<>();
        ScoringRuleCheck.check(JSON.readTree(rule), AT, true, (path, code, message) -> problems.add(new Problem(path, code, message)));
        return problems;
    }

    /** The smallest rule of a type that the check accepts. */
    private static JsonNode smallest(RuleType type) {
        ObjectNode rule = JSON.createObjectNode().put("type", type.documentName()).put("text", "計分方式");
        type.requiredNumbers().forEach(name -> rule.put(name, 1));
        switch (type) {
            case PER_UNIT_CAPPED -> rule.put("cap_units", 4);
            case THRESHOLD_BANDS -> rule.putArray("bands").addObject().put("min", 0).put("points", 1);
            case SUM -> rule.putArray("components").addObject().put("type", "bonus_discretionary")
                    .put("max_bonus_points", 1);
            case STAGE_PROGRESS_MAP -> rule.putObject("stages").put("完成", 100);
            case CHECKLIST_ALL -> rule.putArray("requirements").add("辦理講習");
            default -> {
            }
        }
        return rule;
    }

    @ParameterizedTest
    @EnumSource(RuleType.class)
    void every_type_the_check_accepts_is_one_the_reader_decides_on(RuleType type) {
        JsonNode rule = smallest(type);
        List<Problem> problems = new ArrayList<>();
        ScoringRuleCheck.check(rule, AT, true, (path, code, message) -> problems.add(new Problem(path, code, message)));
        assertThat(problems).isEmpty();

        if (NOT_SCORED_YET.contains(type)) {
            assertThatThrownBy(() -> RuleReader.read(rule)).isInstanceOf(UnsupportedRuleException.class)
                    .hasMessageContaining("not scored yet");
        } else {
            assertThat(RuleReader.read(rule)).isNotNull();
        }
    }

    /**
     * Rules the check accepts and the engine cannot score (it gives UNSUPPORTED_RULE): known gaps, pinned here so
     * that closing one (scoring it, or refusing it at validation) shows.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"per_unit_capped\",\"text\":\"x\",\"points_per_unit\":1,\"max_points\":4}",
            "{\"type\":\"checklist_all\",\"text\":\"x\"}",
            "{\"type\":\"sum\",\"text\":\"x\",\"components\":[{\"type\":\"milestone\"}]}"})
    void accepted_but_not_scored_yet(String rule) throws Exception {
        assertThat(check(rule)).isEmpty();
        assertThatThrownBy(() -> RuleReader.read(JSON.readTree(rule))).isInstanceOf(UnsupportedRuleException.class);
    }

    @Test
    void an_unknown_type_is_refused_by_the_check_and_unread_by_the_engine() throws Exception {
        assertThat(check("{\"type\":\"best_effort\",\"text\":\"x\"}"))
                .extracting(Problem::path, Problem::code)
                .containsExactly(tuple(AT + ".type", "UNKNOWN_RULE_TYPE"));
        assertThatThrownBy(() -> RuleReader.read(JSON.readTree("{\"type\":\"best_effort\"}")))
                .isInstanceOf(UnsupportedRuleException.class);
    }

    @Test
    void reports_each_problem_at_its_path() throws Exception {
        assertThat(check("""
                {"type":"sum","text":"合計","components":[
                  {"type":"base_plus_steps","threshold":90,"base_points":2,"step_size":0,"points_per_step":1,"max_points":1},
                  {"type":"per_unit_capped","points_per_unit":"one","max_points":4}]}"""))
                .extracting(Problem::path, Problem::code)
                .containsExactlyInAnyOrder(
                        tuple(AT + ".components[0].step_size", "INVALID_PARAMETER"),
                        tuple(AT + ".components[0].max_points", "INVALID_PARAMETER"),
                        tuple(AT + ".components[1].points_per_unit", "INVALID_PARAMETER"));
    }

    @Test
    void a_formula_is_checked_with_the_engine_grammar() throws Exception {
        List<Problem> problems = new ArrayList<>();
        FormulaCheck.check(JSON.readTree("""
                {"operands":{"A":"件數","B1":"甲","B2":"乙"},"derived":{"B":"B1 + B3"},"expression":"A / (B * 100"}"""),
                "goals[1].indicators[0].formula", (path, code, message) -> problems.add(new Problem(path, code, message)));
        assertThat(problems).containsExactly(
                new Problem("goals[1].indicators[0].formula.derived.B", "UNKNOWN_OPERAND", "the expression \"B1 + B3\" "
                        + "names 'B3', which is not among the operands, constants or derived components [A, B1, B2, B]."),
                new Problem("goals[1].indicators[0].formula.expression", "FORMULA_SYNTAX",
                        "the expression \"A / (B * 100\" does not parse: a '(' is not closed."));
    }
}
