package io.planscore.scoring.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.infra.RealInfraResource;
import io.planscore.scoring.repository.MeasurementRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.planscore.infra.TestIdentities.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A long random sequence of measurements, corrections, retractions, duplicates and plan revisions over
 * an unweighted and a weighted plan; then a rebuild replays the stored inputs into fresh tables and
 * must reproduce every live scorecard version exactly, and asOf must still answer with earlier versions.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class RebuildTest {

    private static final List<String> INDICATORS_001 = List.of("G1-K1", "G2-K1", "G3-K1", "G4-K1", "G5-K1", "G6-K1");
    private static final List<String> INDICATORS_003 = List.of("F1-G1-K1", "F3-G1-K二", "F3-G3-K一", "F2-G1-K1");

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeasurementRepository measurements;

    @Test
    void aRebuildAfterARandomHistoryReproducesTheLiveScoresExactly() {
        ScoringEvents events = new ScoringEvents(kafka, mapper);
        Random random = new Random(20261122);
        String unweighted = events.planScored("001_keelung-police_107-110.json", 2018);
        String weighted = events.planScored("003_chiayi-police_107.json", 2018);
        long before = QuarkusTransaction.requiringNew().call(measurements::count);

        List<ObjectNode> active = new ArrayList<>();
        int sent = 0;
        for (int i = 0; i < 150; i++) {
            boolean first = random.nextBoolean();
            String planId = first ? unweighted : weighted;
            List<String> indicators = first ? INDICATORS_001 : INDICATORS_003;
            int roll = random.nextInt(10);
            ObjectNode event;
            if (roll < 2 && !active.isEmpty()) {
                ObjectNode target = active.remove(random.nextInt(active.size()));
                boolean retract = roll == 0;
                event = events.measurement(UUID.randomUUID(), target.get("planId").asText(),
                        target.get("indicatorId").asText(), target.get("period").asText(),
                        retract ? null : Integer.toString(random.nextInt(120)));
                event.put("kind", retract ? "retraction" : "correction").put("supersedes", target.get("eventId").asText());
                if (!retract) {
                    active.add(event);
                }
            } else {
                int year = first ? 2017 + random.nextInt(3) : 2017 + random.nextInt(2);
                String period = random.nextBoolean() ? Integer.toString(year) : year + "-%02d".formatted(1 + random.nextInt(12));
                event = events.measurement(UUID.randomUUID(), planId, indicators.get(random.nextInt(indicators.size())),
                        period, Integer.toString(random.nextInt(120)));
                active.add(event);
            }
            events.record(event);
            sent++;
            if (roll == 9) {
                events.record(event); // a duplicate delivery
            }
            if (i == 75) {
                ObjectNode revised = events.document("003_chiayi-police_107.json");
                ((ObjectNode) revised.path("goals").get(0).path("indicators").get(0)).put("name", "revised");
                events.approve(weighted, 2, revised);
            }
        }
        int expected = sent;
        await().atMost(Duration.ofSeconds(120)).until(() ->
                QuarkusTransaction.requiringNew().call(measurements::count) == before + expected);

        asAdmin().post("/api/v1/scores/rebuild")
                .then().statusCode(200)
                .body("differingPlanYears", hasSize(0))
                .body("identical", equalTo(true));

        var history = asAdmin().get("/api/v1/scores/plans/{planId}/history?year=2018", weighted)
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("scoreVersion")).hasSizeGreaterThan(2);
        String firstComputedAt = history.getString("[0].computedAt");
        asAdmin().get("/api/v1/scores/plans/{planId}?year=2018&asOf={asOf}", weighted, firstComputedAt)
                .then().statusCode(200).body("scoreVersion", equalTo(1));
    }
}
