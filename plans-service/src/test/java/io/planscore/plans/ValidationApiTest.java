package io.planscore.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Consumer;

import static io.planscore.infra.TestIdentities.asAdmin;
import static io.planscore.infra.TestIdentities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Bad documents: 422 problem+json naming every problem by path, and nothing stored. */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ValidationApiTest {

    @Inject
    EntityManager em;

    private static ObjectNode at(ObjectNode doc, int goal, int indicator) {
        return (ObjectNode) doc.get("goals").get(goal).get("indicators").get(indicator);
    }

    private JsonNode refused(String path, String body, int status) {
        Map<String, Long> before = Rows.count(em);
        JsonNode problem = Api.json(Api.post(path, body).statusCode(status).contentType("application/problem+json"));
        assertThat(Rows.count(em)).as("nothing stored").isEqualTo(before);
        return problem;
    }

    private JsonNode refused(String fixture, Consumer<ObjectNode> change) {
        ObjectNode doc = Fixtures.json(fixture);
        change.accept(doc);
        return refused("/api/v1/plans", Fixtures.write(doc), 422);
    }

    private static Object[] fields(JsonNode problem) {
        return java.util.stream.StreamSupport.stream(problem.get("errors").spliterator(), false)
                .map(e -> e.get("field").asText() + " " + e.get("code").asText()).toArray();
    }

    @Test
    void everyProblemOfADocumentAtOnce() {
        JsonNode problem = refused("003", d -> {
            d.put("schema", "seed-plan-fixture/v0");
            ((ObjectNode) d.get("goals").get(1)).put("id", "F1-G1");                               // duplicate goal id
            at(d, 2, 0).put("id", "F1-G1-K1");                                                    // duplicate indicator id
            ((ObjectNode) at(d, 3, 0).get("targets").get(0)).put("form", "percentage");           // unknown form
            ((ObjectNode) at(d, 4, 0).get("targets").get(0)).put("comparator", "≥");              // unknown comparator
            ((ObjectNode) at(d, 6, 0).get("targets").get(0)).putNull("number").putNull("value");  // number missing
            ((ObjectNode) at(d, 15, 1).get("scoring_rule")).put("type", "points_per_case");      // unknown rule type
            ((ObjectNode) at(d, 16, 1).get("scoring_rule")).put("step_size", 0);                  // bad parameter
            ((ObjectNode) at(d, 1, 0).get("formula")).put("expression", "A / C * 100");           // unknown operand
            ((ObjectNode) d.get("goals").get(7)).put("facet_id", "F9");                           // unknown facet
        });
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("type").asText()).isEqualTo("https://planscore.io/problems/invalid-plan-document");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/plans");
        assertThat(fields(problem)).containsExactly(
                "schema SCHEMA_MISMATCH",
                "goals[1].id DUPLICATE_ID",
                "goals[1].indicators[0].formula.expression UNKNOWN_OPERAND",
                "goals[2].indicators[0].id DUPLICATE_ID",
                "goals[3].indicators[0].targets[0].form UNKNOWN_VALUE",
                "goals[4].indicators[0].targets[0].comparator UNKNOWN_VALUE",
                "goals[6].indicators[0].targets[0].number NUMBER_REQUIRED",
                "goals[7].facet_id UNKNOWN_FACET",
                "goals[15].indicators[1].scoring_rule.type UNKNOWN_RULE_TYPE",
                "goals[16].indicators[1].scoring_rule.step_size INVALID_PARAMETER");
        assertThat(problem.get("detail").asText()).startsWith("10 problems");
    }

    @Test
    void eachKindOfProblemAlone() {
        assertThat(fields(refused("001", d -> ((ObjectNode) d.get("plan")).remove("agency")))).containsExactly("plan.agency REQUIRED");
        assertThat(fields(refused("001", d -> ((ObjectNode) d.get("plan")).put("kind", "biennial")))).containsExactly("plan.kind UNKNOWN_VALUE");
        assertThat(fields(refused("001", d -> ((ObjectNode) d.get("plan").get("period")).put("ad_start", 2017))))
                .contains("plan.period.ad_start YEAR_MISMATCH");
        assertThat(fields(refused("001", d -> ((ObjectNode) at(d, 0, 0).get("targets").get(0)).put("year_ad", 2025).put("year_roc", 114))))
                .containsExactly("goals[0].indicators[0].targets[0].year_ad YEAR_OUT_OF_PERIOD");
        assertThat(fields(refused("001", d -> at(d, 0, 0).put("evaluation_code", 7)))).containsExactly("goals[0].indicators[0].evaluation_code INVALID_CODE");
        assertThat(fields(refused("002-01", d -> ((ObjectNode) at(d, 0, 0).get("polarity")).put("value", "up"))))
                .containsExactly("goals[0].indicators[0].polarity.value UNKNOWN_VALUE");
        assertThat(fields(refused("003", d -> ((ArrayNode) at(d, 17, 2).get("scoring_rule").get("bands")).removeAll())))
                .containsExactly("goals[17].indicators[2].scoring_rule.bands MISSING_PARAMETER");
        assertThat(fields(refused("003", d -> ((ObjectNode) at(d, 0, 0).get("baseline")).put("type", "median"))))
                .containsExactly("goals[0].indicators[0].baseline.type UNKNOWN_VALUE");
        assertThat(fields(refused("001", d -> ((ObjectNode) at(d, 6, 0).get("formula")).put("expression", "(A - B / A"))))
                .containsExactly("goals[6].indicators[0].formula.expression FORMULA_SYNTAX");
    }

    @Test
    void malformedJsonIs400() {
        JsonNode problem = refused("/api/v1/plans", "{\"schema\": \"seed-plan-fixture/v1\", \"goals\": [", 400);
        assertThat(problem.get("errors").get(0).get("code").asText()).isEqualTo("MALFORMED_JSON");
        refused("/api/v1/plans", "", 400);
        refused("/api/v1/plans", "{\"schema\": 1, \"schema\": 2}", 400);
        refused("/api/v1/plans/import", "[1, ", 400);
    }

    @Test
    void weightsThatDoNotAddUpAreStoredWithAWarning() {
        ObjectNode doc = Fixtures.json("003");
        ((ObjectNode) doc.get("goals").get(2)).put("weight_pct", 5);   // F1-G3 4 → 5: its indicator has 4; F1 adds up to 36
        JsonNode created = Api.json(Api.post("/api/v1/plans", Fixtures.write(doc)).statusCode(201));
        assertThat(created.get("warnings")).extracting(w -> w.get("field").asText(), w -> w.get("code").asText(),
                        w -> w.get("expected").decimalValue().intValue(), w -> w.get("actual").decimalValue().intValue())
                .containsExactly(
                        tuple("goals[2].indicators", "WEIGHTS_DO_NOT_ADD_UP", 5, 4),
                        tuple("facets[0].weight_pct", "WEIGHTS_DO_NOT_ADD_UP", 35, 36));
        // the stored document is the one sent, warnings and all
        assertThat(Api.json(Api.get("/api/v1/plans/" + created.get("id").asText())).get("document")).isEqualTo(doc);
    }

    @Test
    void anImportIsAllOrNothing() {
        ObjectNode bad = Fixtures.json("002-02");
        ((ObjectNode) bad.get("goals").get(0)).remove("name");
        String body = "{\"plans\": [" + Fixtures.text("002-01") + ", " + Fixtures.write(bad) + "]}";
        JsonNode problem = refused("/api/v1/plans/import", body, 422);
        assertThat(fields(problem)).containsExactly("plans[1].goals[0].name REQUIRED");
        assertThat(refused("/api/v1/plans/import", "{\"plans\": []}", 422).get("errors").get(0).get("code").asText()).isEqualTo("EMPTY");

        JsonNode imported = Api.json(Api.post("/api/v1/plans/import", "[" + Fixtures.text("002-01") + ", " + Fixtures.text("002-02") + "]")
                .statusCode(201));
        assertThat(imported.get("imported").asInt()).isEqualTo(2);
        assertThat(imported.get("plans")).extracting(p -> p.get("title").asText())
                .containsExactly("基隆市政府民政處中程施政計畫（109 至 112 年度）", "基隆市政府財政處中程施政計畫（109 至 112 年度）");
    }

    @Test
    void aBadRevisionStoresNoVersion() {
        String id = Api.json(Api.post("/api/v1/plans", Fixtures.text("001")).statusCode(201)).get("id").asText();
        ObjectNode bad = Fixtures.json("001");
        ((ObjectNode) bad.get("goals").get(1)).put("id", "G1");
        Map<String, Long> before = Rows.count(em);
        JsonNode problem = Api.json(Api.put("/api/v1/plans/" + id, Fixtures.write(bad)).statusCode(422));
        assertThat(fields(problem)).containsExactly("goals[1].id DUPLICATE_ID");
        assertThat(Rows.count(em)).isEqualTo(before);
        assertThat(Api.json(Api.get("/api/v1/plans/" + id + "/versions"))).hasSize(1);
        Api.put("/api/v1/plans/" + java.util.UUID.randomUUID(), Fixtures.text("001")).statusCode(404);
    }

    @Test
    void unknownAgencyAndExportFormat() {
        asAdmin().contentType(Api.JSON).body(Fixtures.text("001").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/plans?agencyId=" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        String id = Api.json(Api.post("/api/v1/plans", Fixtures.text("004")).statusCode(201)).get("id").asText();
        JsonNode problem = Api.json(Api.get("/api/v1/plans/" + id + "/export?format=pdf").statusCode(400));
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("format");
    }
}
