package io.planscore.scoring.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.infra.RealInfraResource;
import io.planscore.scoring.domain.ScorecardVersion;
import io.planscore.scoring.events.ScoringInputsConsumer;
import io.planscore.scoring.repository.ScorecardRepository;
import io.planscore.scoring.service.ScoreProvenance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.planscore.infra.TestIdentities.asAdmin;
import static io.planscore.scoring.flow.ScoringEvents.polled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A stored scorecard counts its inputs instead of listing them; the explanation of any version, old or current,
 * pages through exactly the events that version used, recomputed from the plan's inputs up to its inputs_through.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ProvenanceFlowTest {

    private static final String SEED_001 = "001_keelung-police_107-110.json";
    private static final String EXPLANATION = "/api/v1/scores/plans/{planId}/indicators/{indicatorId}";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    ObjectMapper mapper;

    @Inject
    ScoringInputsConsumer consumer;

    @Inject
    ScorecardRepository scorecards;

    @Inject
    ScoreProvenance provenance;

    private ScoringEvents events;

    @BeforeEach
    void events() {
        events = new ScoringEvents(kafka, mapper);
    }

    @Test
    void theExplanationOfAnOldVersionListsExactlyTheEventsItUsed() {
        String planId = events.planScored(SEED_001, 2018);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        consumer.onMeasurements(polled(List.of(recorded(first, planId, "2018-01", "10"), recorded(second, planId, "2018-02", "20"))));
        UUID correction = UUID.randomUUID();
        ObjectNode corrected = events.measurement(correction, planId, "G2-K1", "2018-01", "15");
        corrected.put("kind", "correction").put("supersedes", first.toString());
        UUID third = UUID.randomUUID();
        consumer.onMeasurements(polled(List.of(events.recorded(corrected), recorded(third, planId, "2018-03", "5"))));

        JsonPath history = asAdmin().get("/api/v1/scores/plans/{planId}/history?year=2018&order=oldest", planId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.scoreVersion")).hasSize(3);
        JsonPath old = asAdmin().get(EXPLANATION + "?year=2018&asOf={asOf}", planId, "G2-K1",
                history.getString("items[1].computedAt")).then().statusCode(200).extract().jsonPath();
        assertThat(old.getLong("scoreVersion")).isEqualTo(2);
        assertThat(old.getInt("inputEventCount")).isEqualTo(2);
        assertThat(old.getInt("indicator.inputCount")).isEqualTo(2);
        assertThat(old.getList("inputEvents.eventId")).containsExactly(first.toString(), second.toString());

        JsonPath current = asAdmin().get(EXPLANATION + "?year=2018", planId, "G2-K1")
                .then().statusCode(200).extract().jsonPath();
        assertThat(current.getInt("inputEventCount")).isEqualTo(3);
        assertThat(current.getList("inputEvents.eventId"))
                .containsExactly(second.toString(), correction.toString(), third.toString());
        asAdmin().get(EXPLANATION + "?year=2018&size=2&page=1", planId, "G2-K1")
                .then().statusCode(200).body("inputEventCount", equalTo(3)).body("page", equalTo(1))
                .body("inputEvents.eventId", equalTo(List.of(third.toString())));
        asAdmin().get(EXPLANATION + "?year=2018&size=501", planId, "G2-K1")
                .then().statusCode(422).body("errors[0].field", equalTo("size"));
    }

    @Test
    void aScorecardDoesNotGrowWithItsPlansHistory() {
        String planId = events.planScored(SEED_001, 2018);
        consumer.onMeasurements(polled(List.of(recorded(UUID.randomUUID(), planId, "2018-01", "1"))));
        int afterOne = body(planId).length();

        for (int poll = 0; poll < 2; poll++) {
            List<String> records = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                records.add(recorded(UUID.randomUUID(), planId, "2018-%02d".formatted(1 + i % 12), "1"));
            }
            consumer.onMeasurements(polled(records));
        }

        // Only "sum of 601 events" in a derivation step is longer than "1 (event …)".
        assertThat(body(planId).length()).isLessThan(afterOne + 100);
        asAdmin().get(EXPLANATION + "?year=2018&size=500&page=1", planId, "G2-K1")
                .then().statusCode(200).body("inputEventCount", equalTo(601))
                .body("indicator.inputCount", equalTo(601)).body("inputEvents.size()", equalTo(101));
        // Recomputed from the inputs through the version's inputs_through, the scorecard is the stored one.
        QuarkusTransaction.requiringNew().run(() -> {
            ScorecardVersion latest = scorecards.latest(planId, 2018).orElseThrow();
            assertThat(mapper.valueToTree(provenance.recompute(latest)).toString()).isEqualTo(latest.body);
        });
    }

    private String recorded(UUID eventId, String planId, String period, String value) {
        return events.recorded(events.measurement(eventId, planId, "G2-K1", period, value));
    }

    private String body(String planId) {
        JsonNode scorecard = asAdmin().get("/api/v1/scores/plans/{planId}?year=2018", planId)
                .then().statusCode(200).extract().as(JsonNode.class).path("scorecard");
        return scorecard.toString();
    }
}
