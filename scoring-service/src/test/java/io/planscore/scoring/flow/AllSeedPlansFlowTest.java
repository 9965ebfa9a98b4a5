package io.planscore.scoring.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.infra.RealInfraResource;
import io.planscore.scoring.repository.MeasurementRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.planscore.infra.TestIdentities.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every one of the 23 seed plans scored end to end through Kafka: each plan version, then a generated
 * actual for every indicator in the plan's first year. Every indicator gets a status, nothing fails
 * (each plan's last measurement is what its current scorecard was made from), and seed 003's total
 * stays within 0–100.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AllSeedPlansFlowTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeasurementRepository measurements;

    @Test
    void everySeedPlanIsScoredThroughKafka() throws IOException {
        ScoringEvents events = new ScoringEvents(kafka, mapper);
        List<Path> seeds;
        try (Stream<Path> files = Files.list(ScoringEvents.SEEDS)) {
            seeds = files.filter(f -> f.getFileName().toString().matches("\\d.*\\.json")).sorted().toList();
        }
        assertThat(seeds).hasSize(23);

        Map<String, String> lastEventOfPlan = new LinkedHashMap<>();
        Map<String, Integer> yearOfPlan = new LinkedHashMap<>();
        long before = QuarkusTransaction.requiringNew().call(measurements::count);
        int sent = 0;
        int value = 0;
        for (Path seed : seeds) {
            int year = mapper.readTree(seed.toFile()).path("plan").path("period").path("ad_start").asInt();
            String planId = events.planScored(seed.getFileName().toString(), year);
            yearOfPlan.put(planId, year);
            for (JsonNode goal : mapper.readTree(seed.toFile()).path("goals")) {
                for (JsonNode indicator : goal.path("indicators")) {
                    UUID eventId = UUID.randomUUID();
                    events.record(events.measurement(eventId, planId, indicator.path("id").asText(),
                            Integer.toString(year), new BigDecimal(value++ % 120).toPlainString()));
                    lastEventOfPlan.put(planId, eventId.toString());
                    sent++;
                }
            }
        }
        int expected = sent;
        await().atMost(Duration.ofMinutes(4)).until(() ->
                QuarkusTransaction.requiringNew().call(measurements::count) == before + expected);

        for (var plan : yearOfPlan.entrySet()) {
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                JsonNode card = mapper.readTree(asAdmin().get("/api/v1/scores/plans/{planId}?year={year}",
                        plan.getKey(), plan.getValue()).then().statusCode(200).extract().asString());
                assertThat(card.path("trigger").path("eventId").asText()).isEqualTo(lastEventOfPlan.get(plan.getKey()));
                assertThat(card.path("scorecard").path("indicators")).allSatisfy(indicator ->
                        assertThat(indicator.path("status").asText()).isIn("MET", "AT_RISK", "OFF_TRACK", "PENDING", "NOT_SCORED"));
                if (card.path("scorecard").path("weighted").asBoolean()) {
                    assertThat(card.path("scorecard").path("totalScore").decimalValue())
                            .isBetween(BigDecimal.ZERO, new BigDecimal("100"));
                }
            });
        }
    }
}
