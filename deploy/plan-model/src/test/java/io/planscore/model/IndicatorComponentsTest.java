package io.planscore.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorComponentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The seed plans bundled with the local run, else the shared fixtures beside the repository. */
    private static final Path FIXTURES = Stream.of(Path.of("../local-run/src/main/resources/seed-plans"),
            Path.of("../../../shared/fixtures")).filter(Files::isDirectory).findFirst().orElseThrow();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every indicator of every seed plan, by "file indicator-id". */
    static Map<String, JsonNode> seedIndicators() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(FIXTURES)) {
            files = list.filter(p -> p.getFileName().toString().matches("\\d.*\\.json")).sorted().toList();
        }
        assertThat(files).hasSize(23);
        Map<String, JsonNode> indicators = new HashMap<>();
        for (Path file : files) {
            for (JsonNode goal : JSON.readTree(file.toFile()).path("goals")) {
                for (JsonNode indicator : goal.path("indicators")) {
                    indicators.put(file.getFileName() + " " + indicator.path("id").asText(), indicator);
                }
            }
        }
        return indicators;
    }

    @Test
    void everySeedIndicatorAcceptsItsOperandsAndOnly003HealthCheckAcceptsMore() throws IOException {
        Map<String, JsonNode> indicators = seedIndicators();
        assertThat(indicators).hasSize(583 + 63);
        List<String> beyondOperands = new ArrayList<>();
        indicators.forEach((key, indicator) -> {
            List<String> operands = new ArrayList<>();
            indicator.path("formula").path("operands").fieldNames().forEachRemaining(operands::add);
            Set<String> accepted = IndicatorComponents.accepted(indicator);
            assertThat(accepted).as(key).startsWith(operands.toArray(String[]::new));
            if (accepted.size() > operands.size()) {
                beyondOperands.add(key);
            }
        });
        assertThat(beyondOperands).containsExactly("003_chiayi-police_107.json F3-G4-K1");
    }

    @Test
    void seed003HealthCheckAcceptsItsOperandsCompoundPartsAndProportionalComponents() throws IOException {
        JsonNode healthCheck = seedIndicators().get("003_chiayi-police_107.json F3-G4-K1");

        // formula A / B; target 「1. …≥75% 2. …≥50%」; rule sum(base_plus_steps, per_person_completion)
        assertThat(IndicatorComponents.accepted(healthCheck)).containsExactly("A", "B", "P1", "P2", "done", "scheduled");
    }

    @Test
    void aChecklistAcceptsItsRequirementIdsAndNumbersTheOthersByPosition() {
        JsonNode indicator = json("""
                {"scoring_rule": {"type": "checklist_all", "requirements": [
                    {"id": "查核數", "label": "查核場次", "comparator": ">=", "value": 150},
                    "完成教育訓練",
                    {"label": "提報成果", "id": " "}]}}""");

        assertThat(IndicatorComponents.accepted(indicator)).containsExactly("查核數", "R2", "R3");
    }

    @Test
    void stagesAndTheComponentsOfASumsRulesAreAccepted() {
        JsonNode indicator = json("""
                {"scoring_rule": {"type": "sum", "components": [
                    {"type": "stage_progress_map", "stages": {"完成規劃": 20, "完成訂約": 50, "完工": 100}},
                    {"type": "proportional", "max_points": 1, "done": "已檢人數", "scheduled": "應檢人數"},
                    {"type": "per_unit_capped", "points_per_unit": 1, "max_points": 2}]}}""");

        assertThat(IndicatorComponents.accepted(indicator))
                .containsExactly("完成規劃", "完成訂約", "完工", "已檢人數", "應檢人數");
    }

    @Test
    void anIndicatorWithoutFormulaCompoundTargetOrComponentRuleAcceptsNone() {
        JsonNode indicator = json("""
                {"targets": [{"form": "numeric", "value": 3, "unit": "案"}],
                 "scoring_rule": {"type": "per_unit_capped", "points_per_unit": 1, "max_points": 2}}""");

        assertThat(IndicatorComponents.accepted(indicator)).isEmpty();
    }
}
