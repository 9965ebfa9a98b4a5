package io.planscore.measurements.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.measurements.plan.IndicatorRules;
import io.planscore.measurements.plan.PlanDocumentReader;
import io.planscore.measurements.plan.PlanRules;
import io.planscore.measurements.support.TestPlans;
import io.planscore.platform.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Which components an event may name: the ones the scoring engine reads (IndicatorComponents), no others. */
class MeasurementValidatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static PlanRules plan(JsonNode document) {
        PlanDocumentReader.Derived derived = PlanDocumentReader.read(document);
        return new PlanRules("plan", 1, "agency", derived.adStart(), derived.adEnd(), derived.indicators().stream()
                .collect(Collectors.toMap(IndicatorRules::indicatorId, Function.identity())));
    }

    static List<FieldError> post(PlanRules plan, String indicatorId, String component) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("planId", plan.planId());
        event.put("indicatorId", indicatorId);
        event.put("component", component);
        event.put("period", String.valueOf(plan.adStart()));
        event.put("value", 1);
        return MeasurementValidator.validate(EventParser.parse(event, null), plan, null, Map.of());
    }

    @Test
    void seed003HealthCheckAcceptsItsOperandsCompoundPartsAndProportionalComponents() {
        PlanRules chiayi = plan(TestPlans.document(TestPlans.CHIAYI_POLICE));

        for (String component : List.of("A", "B", "P1", "P2", "done", "scheduled")) {
            assertThat(post(chiayi, "F3-G4-K1", component)).as(component).isEmpty();
        }
        assertThat(post(chiayi, "F3-G4-K1", "P3")).containsExactly(new FieldError("component", "UNKNOWN_COMPONENT",
                "component 'P3' is not one indicator 'F3-G4-K1' accepts (accepts: A, B, P1, P2, done, scheduled)"));
    }

    @Test
    void aChecklistAcceptsItsRequirementIdsAndPositionsNothingElse() throws Exception {
        JsonNode document = TestPlans.document(TestPlans.CHIAYI_POLICE);
        ObjectNode proposals = (ObjectNode) document.findParents("id").stream()
                .filter(node -> "F3-G1-K二".equals(node.path("id").asText())).findFirst().orElseThrow();
        proposals.set("scoring_rule", MAPPER.readTree("""
                {"type": "checklist_all", "text": "查核150場並完成教育訓練", "requirements": [
                    {"id": "查核數", "label": "查核場次", "comparator": ">=", "value": 150}, "完成教育訓練"]}"""));
        PlanRules chiayi = plan(document);

        assertThat(post(chiayi, "F3-G1-K二", "查核數")).isEmpty();
        assertThat(post(chiayi, "F3-G1-K二", "R2")).isEmpty();
        assertThat(post(chiayi, "F3-G1-K二", "R1")).extracting(FieldError::code).containsExactly("UNKNOWN_COMPONENT");
    }

    @Test
    void anIndicatorAcceptingNoComponentsSaysSo() {
        PlanRules chiayi = plan(TestPlans.document(TestPlans.CHIAYI_POLICE));

        assertThat(post(chiayi, "F3-G1-K二", "A")).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("component");
            assertThat(error.code()).isEqualTo("UNKNOWN_COMPONENT");
            assertThat(error.message()).startsWith("indicator 'F3-G1-K二' accepts no components")
                    .endsWith("post its value without a component");
        });
    }
}
