package io.planscore.scoring.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.planscore.infra.TestIdentities.asAdmin;
import static io.planscore.infra.TestIdentities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * scoring-service against real Kafka and PostgreSQL: a plan version and measurements arrive as the
 * producers publish them, scores are stored and published; a redelivered event changes nothing.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ScoringFlowTest {

    private static final String SEED_001 = "001_keelung-police_107-110.json";
    private static final String SEED_003 = "003_chiayi-police_107.json";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    ObjectMapper mapper;

    private ScoringEvents events;

    @BeforeEach
    void events() {
        events = new ScoringEvents(kafka, mapper);
    }

    @Test
    void aMeasurementIsScoredOnceEvenWhenDeliveredTwice() throws Exception {
        String planId = events.planScored(SEED_001, 2018);
        UUID eventId = UUID.randomUUID();
        String recorded = events.recorded(events.measurement(eventId, planId, "G2-K1", "2018", "40"));
        events.send(ScoringEvents.RECORDED, recorded);
        events.send(ScoringEvents.RECORDED, recorded);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().get("/api/v1/scores/plans/{planId}?year=2018", planId).then().statusCode(200)
                        .body("trigger.eventId", equalTo(eventId.toString())));
        JsonNode indicator = indicator(planId, "G2-K1");
        // 50 場 planned, 40 held: a = 40 / 50 = 0.8, below the 0.9 amber line.
        assertThat(indicator.path("achievement").decimalValue()).isEqualByComparingTo(new BigDecimal("0.8"));
        assertThat(indicator.path("status").asText()).isEqualTo("OFF_TRACK");

        Thread.sleep(1_000); // the duplicate, if it were applied, would have produced a version by now
        List<String> triggers = asAdmin().get("/api/v1/scores/plans/{planId}/history?year=2018", planId)
                .then().statusCode(200).extract().jsonPath().getList("items.trigger.eventId");
        assertThat(triggers).containsOnlyOnce(eventId.toString());

        // the topic holds other tests' updates too, on every partition: wait for this plan's, not for any one
        var published = kafka.consumeStrings().fromTopics("scoring.score-updated.v1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(published.getRecords())
                .anySatisfy(record -> assertThat(record.key()).isEqualTo(planId)));
        published.stop();
    }

    /**
     * Two measurements of one plan in quick succession, each in a trace of its own (possibly applied together): every
     * ScoreUpdated continues the trace of its trigger, the last of them applied to its plan-year.
     */
    @Test
    void eachScoreUpdatedContinuesTheTraceOfItsTrigger() {
        String planId = events.planScored(SEED_001, 2018);
        Map<String, String> traceOfTrigger = new HashMap<>();
        for (String year : List.of("2018", "2019")) {
            UUID eventId = UUID.randomUUID();
            String traceId = String.format("%032x", UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE | 1);
            traceOfTrigger.put(eventId.toString(), traceId);
            events.send(ScoringEvents.RECORDED, events.recorded(events.measurement(eventId, planId, "G2-K1", year,
                    "40")), "00-" + traceId + "-00f067aa0ba902b7-01");
        }

        var published = kafka.consumeStrings().fromTopics("scoring.score-updated.v1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> updates = published.getRecords().stream()
                    .filter(record -> traceOfTrigger.containsKey(triggerOf(record))).toList();
            assertThat(updates).extracting(this::triggerOf)
                    .containsAll(traceOfTrigger.keySet());
            assertThat(updates).allSatisfy(update -> assertThat(new String(
                    update.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                    .startsWith("00-" + traceOfTrigger.get(triggerOf(update)) + "-"));
        });
        published.stop();
    }

    private String triggerOf(ConsumerRecord<String, String> update) {
        try {
            return mapper.readTree(update.value()).path("payload").path("trigger").path("eventId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aCorrectionReplacesTheValueAndARetractionWithdrawsIt() {
        String planId = events.planScored(SEED_001, 2018);
        UUID actual = UUID.randomUUID();
        events.record(events.measurement(actual, planId, "G2-K1", "2018", "40"));
        UUID correction = UUID.randomUUID();
        ObjectNode corrected = events.measurement(correction, planId, "G2-K1", "2018", "50");
        corrected.put("kind", "correction").put("supersedes", actual.toString());
        events.record(corrected);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(latestTrigger(planId)).isEqualTo(correction.toString());
            JsonNode indicator = indicator(planId, "G2-K1");
            assertThat(indicator.path("achievement").decimalValue()).isEqualByComparingTo(BigDecimal.ONE);
            assertThat(indicator.path("status").asText()).isEqualTo("MET");
        });

        UUID retraction = UUID.randomUUID();
        ObjectNode retracted = events.measurement(retraction, planId, "G2-K1", "2018", null);
        retracted.put("kind", "retraction").put("supersedes", correction.toString());
        events.record(retracted);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(latestTrigger(planId)).isEqualTo(retraction.toString());
            assertThat(indicator(planId, "G2-K1").path("status").asText()).isEqualTo("PENDING");
        });
    }

    @Test
    void aCorrectionOfAPriorYearChangesTheBaselineRelativeIndicator() {
        // 003 F1-G1-K1: "↑" against the mean of the previous 3 years' clearance rates.
        String planId = events.planScored(SEED_003, 2018);
        UUID y2017 = UUID.randomUUID();
        events.record(events.measurement(UUID.randomUUID(), planId, "F1-G1-K1", "2015", "60"));
        events.record(events.measurement(UUID.randomUUID(), planId, "F1-G1-K1", "2016", "70"));
        events.record(events.measurement(y2017, planId, "F1-G1-K1", "2017", "80"));
        UUID y2018 = UUID.randomUUID();
        events.record(events.measurement(y2018, planId, "F1-G1-K1", "2018", "75"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(latestTrigger(planId)).isEqualTo(y2018.toString());
            assertThat(indicator(planId, "F1-G1-K1").path("status").asText()).isEqualTo("MET"); // 75 > mean 70
        });

        UUID correction = UUID.randomUUID();
        ObjectNode corrected = events.measurement(correction, planId, "F1-G1-K1", "2017", "95");
        corrected.put("kind", "correction").put("supersedes", y2017.toString());
        events.record(corrected);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(latestTrigger(planId)).isEqualTo(correction.toString());
            JsonNode indicator = indicator(planId, "F1-G1-K1");
            // The baseline is now (60 + 70 + 95) / 3 = 75: 75 is not above it.
            assertThat(indicator.path("status").asText()).isEqualTo("AT_RISK");
            assertThat(indicator.path("baselineInputs").toString()).contains("\"eventCount\":1");
            List<String> inputs = asAdmin().get("/api/v1/scores/plans/{planId}/indicators/F1-G1-K1?year=2018", planId)
                    .then().statusCode(200).extract().jsonPath().getList("inputEvents.eventId");
            assertThat(inputs).contains(correction.toString()).doesNotContain(y2017.toString());
        });
    }

    @Test
    void anAdministratorsInputRescoresThePlanYear() {
        String planId = events.planScored(SEED_003, 2018);
        events.record(events.measurement(UUID.randomUUID(), planId, "F1-G1-K1", "2018", "75"));
        for (int year = 2015; year <= 2017; year++) {
            as("key:admin", "admin", null).contentType("application/json")
                    .body("{\"indicatorId\": \"F1-G1-K1\", \"year\": " + year + ", \"kind\": \"baseline_value\", \"value\": 74}")
                    .post("/api/v1/scores/plans/{planId}/admin-inputs", planId)
                    .then().statusCode(201).body("enteredBy", equalTo("key:admin"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(indicator(planId, "F1-G1-K1").path("status").asText()).isEqualTo("MET")); // 75 > 74
        asAdmin().contentType("application/json").body("{\"indicatorId\": \"nope\", \"year\": 2018, \"kind\": \"award\", \"value\": 1}")
                .post("/api/v1/scores/plans/{planId}/admin-inputs", planId)
                .then().statusCode(422).body("errors[0].field", equalTo("indicatorId"));
        asAdmin().contentType("application/json").body("{\"year\": 2018, \"kind\": \"bogus\"}")
                .post("/api/v1/scores/plans/{planId}/admin-inputs", planId)
                .then().statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItems("indicatorId", "value", "kind"));
    }

    private String latestTrigger(String planId) throws Exception {
        return mapper.readTree(asAdmin().get("/api/v1/scores/plans/{planId}?year=2018", planId).asString())
                .path("trigger").path("eventId").asText();
    }

    private JsonNode indicator(String planId, String indicatorId) throws Exception {
        return mapper.readTree(asAdmin().get("/api/v1/scores/plans/{planId}/indicators/{indicatorId}?year=2018",
                planId, indicatorId).asString()).path("indicator");
    }
}
