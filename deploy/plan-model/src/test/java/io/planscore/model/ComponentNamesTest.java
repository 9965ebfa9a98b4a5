package io.planscore.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.engine.PlanModel.Indicator;
import io.planscore.engine.rules.ChecklistAllRule;
import io.planscore.engine.rules.ProportionalRule;
import io.planscore.engine.rules.StageProgressMapRule;
import io.planscore.engine.rules.SumRule;
import io.planscore.engine.target.TargetSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The components the engine reads are named exactly as measurements-service accepts them (IndicatorComponents). */
class ComponentNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED_003 = "003_chiayi-police_107.json";

    private static JsonNode indicatorNode(String file, String id) {
        for (JsonNode goal : Fixtures.document(file).path("goals")) {
            for (JsonNode indicator : goal.path("indicators")) {
                if (id.equals(indicator.path("id").asText())) {
                    return indicator;
                }
            }
        }
        throw new AssertionError(id + " is not in " + file);
    }

    private static List<String> acceptedUnder(JsonNode rule) {
        return List.copyOf(IndicatorComponents.accepted(JSON.createObjectNode().set("scoring_rule", rule)));
    }

    @Test
    void seed003HealthCheckReadsTheCompoundPartsAndProportionalComponentsItAccepts() {
        Indicator healthCheck = Fixtures.plan(SEED_003).indicators()
                .filter(i -> i.id().equals("F3-G4-K1")).findFirst().orElseThrow();

        List<String> read = new ArrayList<>(List.of("A", "B"));
        ((TargetSpec.Compound) healthCheck.targets().get(2018)).parts().forEach(p -> read.add(p.component()));
        ProportionalRule heads = (ProportionalRule) ((SumRule) healthCheck.rule()).components().get(1);
        read.addAll(List.of(heads.doneComponent(), heads.scheduledComponent()));
        assertThat(IndicatorComponents.accepted(indicatorNode(SEED_003, "F3-G4-K1"))).containsExactlyElementsOf(read);
    }

    @Test
    void checklistRequirementsAndStagesAreReadUnderTheNamesTheyAreAcceptedBy() throws Exception {
        JsonNode checklist = JSON.readTree("""
                {"type": "checklist_all", "requirements": [
                    {"id": "查核數", "label": "查核場次", "comparator": ">=", "value": 150}, "完成教育訓練"]}""");
        JsonNode stages = JSON.readTree("""
                {"type": "stage_progress_map", "stages": {"完成規劃": 20, "完成訂約": 50, "完工": 100}}""");

        assertThat(((ChecklistAllRule) RuleReader.read(checklist)).requirements())
                .extracting(ChecklistAllRule.Requirement::id)
                .containsExactlyElementsOf(acceptedUnder(checklist))
                .containsExactly("查核數", "R2");
        assertThat(((StageProgressMapRule) RuleReader.read(stages)).stages())
                .extracting(StageProgressMapRule.Stage::name)
                .containsExactlyElementsOf(acceptedUnder(stages));
    }
}
