package io.planscore.plans.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.plans.Fixtures;
import io.planscore.platform.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every kind of bad document, each reported with its path; the 23 fixtures are clean. */
class DocumentValidatorTest {

    private final DocumentValidator validator = new DocumentValidator();

    @Test
    void everyFixtureIsValidWithoutWarnings() {
        for (String name : Fixtures.names()) {
            ValidationReport report = validator.validate(Fixtures.parse(Fixtures.text(name.substring(0, name.indexOf('_')))));
            assertThat(report.errors()).as(name).isEmpty();
            assertThat(report.warnings()).as(name).isEmpty();
        }
    }

    private List<FieldError> errorsOf(String fixture, Consumer<ObjectNode> change) {
        ObjectNode doc = Fixtures.json(fixture);
        change.accept(doc);
        return validator.validate(doc).errors();
    }

    private static ObjectNode goal(ObjectNode doc, int g) {
        return (ObjectNode) doc.get("goals").get(g);
    }

    private static ObjectNode indicator(ObjectNode doc, int g, int i) {
        return (ObjectNode) goal(doc, g).get("indicators").get(i);
    }

    private static ObjectNode target(ObjectNode doc, int g, int i, int t) {
        return (ObjectNode) indicator(doc, g, i).get("targets").get(t);
    }

    @Test
    void schemaConstAndRequiredFields() {
        assertThat(errorsOf("001", d -> d.put("schema", "seed-plan-fixture/v2")))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("schema", "SCHEMA_MISMATCH"));
        assertThat(errorsOf("001", d -> {
            ((ObjectNode) d.get("plan")).remove("title");
            indicator(d, 0, 0).remove("name");
            target(d, 0, 0, 1).remove("form");
            d.remove("goals");
        })).extracting(FieldError::field, FieldError::code).containsExactly(tuple("plan.title", "REQUIRED"), tuple("goals", "REQUIRED"));
        assertThat(errorsOf("001", d -> {
            indicator(d, 0, 0).remove("name");
            target(d, 0, 0, 1).remove("form");
        })).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("goals[0].indicators[0].name", "REQUIRED"),
                tuple("goals[0].indicators[0].targets[1].form", "REQUIRED"));
        assertThat(errorsOf("001", d -> d.removeAll().put("x", 1)))
                .extracting(FieldError::field).contains("schema", "plan", "goals");
        assertThat(validator.validate(Fixtures.parse("[1, 2]")).errors()).extracting(FieldError::code).containsExactly("NOT_AN_OBJECT");
    }

    @Test
    void duplicateIds() {
        assertThat(errorsOf("001", d -> {
            goal(d, 1).put("id", "G1");
            indicator(d, 2, 0).put("id", "G1-K1");
            ((ObjectNode) target(d, 0, 0, 1)).put("year_ad", 2018).put("year_roc", 107);
        })).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("goals[0].indicators[0].targets[1].year_ad", "DUPLICATE_TARGET_YEAR"),
                tuple("goals[1].id", "DUPLICATE_ID"),
                tuple("goals[2].indicators[0].id", "DUPLICATE_ID"));
    }

    @Test
    void malformedTargets() {
        List<FieldError> errors = errorsOf("001", d -> {
            target(d, 2, 1, 0).put("form", "percentage");
            target(d, 2, 1, 1).put("comparator", "≥");
            target(d, 2, 1, 2).putNull("number").putNull("value");
            target(d, 2, 1, 3).put("value", 999);
            target(d, 4, 0, 0).put("year_ad", 2030).put("year_roc", 119);
            target(d, 4, 0, 1).put("year_roc", 100);
            target(d, 4, 0, 2).put("scale", -1);
        });
        assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("goals[2].indicators[1].targets[0].form", "UNKNOWN_VALUE"),
                tuple("goals[2].indicators[1].targets[1].comparator", "UNKNOWN_VALUE"),
                tuple("goals[2].indicators[1].targets[2].number", "NUMBER_REQUIRED"),
                tuple("goals[2].indicators[1].targets[3].value", "VALUE_MISMATCH"),
                tuple("goals[4].indicators[0].targets[0].year_ad", "YEAR_OUT_OF_PERIOD"),
                tuple("goals[4].indicators[0].targets[1].year_roc", "YEAR_MISMATCH"),
                tuple("goals[4].indicators[0].targets[2].scale", "INVALID_SCALE"));
    }

    @Test
    void scoringRules() {
        // 003: F3-G1 is goals[15]; its K二 (per_unit_capped) is indicators[1]; F3-G2-K一 base_plus_steps; F3-G3-K三 bands; F3-G4 sum
        List<FieldError> errors = errorsOf("003", d -> {
            ((ObjectNode) indicator(d, 15, 1).get("scoring_rule")).put("type", "per_unit_caped");
            ((ObjectNode) indicator(d, 16, 0).get("scoring_rule")).put("step_size", 0).remove("max_points");
            ((ArrayNode) indicator(d, 17, 2).get("scoring_rule").get("bands")).removeAll();
            ((ObjectNode) indicator(d, 18, 0).get("scoring_rule").get("components").get(1)).put("type", "magic");
            ((ObjectNode) indicator(d, 20, 0).get("scoring_rule")).put("max_bonus_points", -1);
            ((ObjectNode) indicator(d, 21, 0).get("scoring_rule")).put("peer_group", 7)
                    .putArray("points_by_rank").add(4).add(3).add(2).add(1).add(0.5);
        });
        assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("goals[15].indicators[1].scoring_rule.type", "UNKNOWN_RULE_TYPE"),
                tuple("goals[16].indicators[0].scoring_rule.max_points", "MISSING_PARAMETER"),
                tuple("goals[16].indicators[0].scoring_rule.step_size", "INVALID_PARAMETER"),
                tuple("goals[17].indicators[2].scoring_rule.bands", "MISSING_PARAMETER"),
                tuple("goals[18].indicators[0].scoring_rule.components[1].type", "UNKNOWN_RULE_TYPE"),
                tuple("goals[20].indicators[0].scoring_rule.max_bonus_points", "INVALID_PARAMETER"),
                tuple("goals[21].indicators[0].scoring_rule.points_by_rank", "INVALID_PARAMETER"),
                tuple("goals[21].indicators[0].scoring_rule.peer_group", "TYPE"));
    }

    @Test
    void formulasAndFacets() {
        // 001 common goal C1 is goals[6]; its indicator has formula (A - B) / A * 100 with derived B = B1 + B2
        List<FieldError> errors = errorsOf("001", d -> {
            ((ObjectNode) indicator(d, 6, 0).get("formula")).put("expression", "(A - C) / A * 100");
            ((ObjectNode) indicator(d, 6, 0).get("formula").get("derived")).put("B", "B1 + B3");
            goal(d, 0).put("facet_id", "F9");
        });
        assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("goals[0].facet_id", "UNKNOWN_FACET"),
                tuple("goals[6].indicators[0].formula.derived.B", "UNKNOWN_OPERAND"),
                tuple("goals[6].indicators[0].formula.expression", "UNKNOWN_OPERAND"));
        assertThat(errorsOf("001", d -> ((ObjectNode) indicator(d, 6, 0).get("formula")).put("expression", "(A - B / A * 100")))
                .extracting(FieldError::code).containsExactly("FORMULA_SYNTAX");
    }

    @Test
    void weightsThatDoNotAddUpAreWarningsWithTheSums() {
        ObjectNode doc = Fixtures.json("003");
        goal(doc, 1).put("weight_pct", 5);                  // F1: 35 → 37
        indicator(doc, 0, 0).put("weight_pct", 3);          // F1-G1: 2 + 2 → 3 + 2 vs 4
        ValidationReport report = validator.validate(doc);
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).extracting(ValidationWarning::field, ValidationWarning::expected, ValidationWarning::actual)
                .containsExactly(
                        tuple("goals[0].indicators", new BigDecimal("4"), new BigDecimal("5")),
                        tuple("goals[1].indicators", new BigDecimal("5"), new BigDecimal("3")),
                        tuple("facets[0].weight_pct", new BigDecimal("35"), new BigDecimal("37")));
    }

    @Test
    void bonusGoalsExplainAFacetShortOfItsWeight() {
        ObjectNode doc = Fixtures.json("003");
        // F4: goal F4-G1 20 → 17, the two bonus-only goals (1 + 4) make up the difference
        goal(doc, 19).put("weight_pct", 17);
        ((ObjectNode) indicator(doc, 19, 0)).put("weight_pct", 10);
        assertThat(validator.validate(doc).warnings()).isEmpty();
        goal(doc, 19).put("weight_pct", 14);
        ((ObjectNode) indicator(doc, 19, 0)).put("weight_pct", 7);
        assertThat(validator.validate(doc).warnings()).extracting(ValidationWarning::code).containsExactly("WEIGHTS_DO_NOT_ADD_UP");
    }

    @Test
    void conditionalWeightsExplainAGoal() {
        ObjectNode doc = Fixtures.json("003");
        ((ObjectNode) indicator(doc, 19, 0)).put("weight_pct", 20);
        assertThat(validator.validate(doc).warnings()).extracting(ValidationWarning::field).containsExactly("goals[19].indicators");
        ((ObjectNode) indicator(doc, 19, 0)).putArray("conditional_weights").addObject()
                .put("weight_pct", 20).put("condition", "no capital budget");
        assertThat(validator.validate(doc).warnings()).isEmpty();
    }

    @Test
    void everythingAtOnce() {
        JsonNode doc = Fixtures.json("003");
        ObjectNode d = (ObjectNode) doc;
        d.put("schema", "v0");
        goal(d, 1).put("id", "F1-G1");
        target(d, 1, 0, 0).put("form", "pct");
        ((ObjectNode) indicator(d, 15, 1).get("scoring_rule")).put("type", "nope");
        goal(d, 2).put("facet_id", "F7");
        assertThat(validator.validate(doc).errors()).hasSize(5);
    }
}
