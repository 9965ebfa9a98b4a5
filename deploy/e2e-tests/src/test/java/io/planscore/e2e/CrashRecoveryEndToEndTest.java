package io.planscore.e2e;

import io.planscore.infra.SseSubscription;
import io.planscore.localrun.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.planscore.e2e.PlatformFixture.admin;
import static io.planscore.e2e.PlatformFixture.createPlan;
import static io.planscore.e2e.PlatformFixture.measurement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code kill -9} of a service at the worst moments: scoring-service around a measurement (after a restart
 * the score arrives, exactly once: one scorecard version, one streamed update), and measurements-service in
 * the middle of a batch (the batch posted again counts every event once, and the scores equal a clean run).
 * And a graceful stop (SIGTERM) of scoring-service in the middle of a batch: no measurement is dead-lettered,
 * each is scored once after the restart.
 */
class CrashRecoveryEndToEndTest {

    private static final String SEED_001 = "001_keelung-police_107-110.json";

    @RegisterExtension
    static final RunningPlatform PLATFORM = new RunningPlatform();

    @Test
    void scoringKilledBeforeTheMeasurementArrivesScoresItOnceAfterRestart() throws Exception {
        String planId = planScoredAtLeastOnce();
        ServiceProcess scoring = PLATFORM.get().service("scoring-service");
        scoring.kill();

        UUID eventId = postMeasurement(planId, "G2-K1", "45");
        scoring.start();
        scoring.awaitReady(Duration.ofMinutes(2));

        assertScoredExactlyOnce(planId, eventId);
    }

    @Test
    void scoringKilledWhileTheMeasurementIsInFlightScoresItOnceAfterRestart() throws Exception {
        String planId = planScoredAtLeastOnce();
        ServiceProcess scoring = PLATFORM.get().service("scoring-service");
        try (SseSubscription stream = PlatformFixture.stream(PLATFORM.get(), planId)) {
            UUID eventId = postMeasurement(planId, "G1-K1", "76.5");
            scoring.kill();
            scoring.start();
            scoring.awaitReady(Duration.ofMinutes(2));

            assertScoredExactlyOnce(planId, eventId);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(updatesTriggeredBy(stream, eventId)).hasSize(1));
            Thread.sleep(2_000); // a late duplicate would arrive now
            assertThat(updatesTriggeredBy(stream, eventId)).hasSize(1);
        }
    }

    @Test
    void measurementsKilledMidBatchThenTheBatchPostedAgainCountsEveryEventOnce() throws Exception {
        String crashed = planScoredAtLeastOnce();
        String clean = planScoredAtLeastOnce();
        List<Integer> values = new java.util.Random(7).ints(1_000, 1, 4).boxed().toList();
        String batch = batch(crashed, values);
        int expectedSum = values.stream().mapToInt(Integer::intValue).sum();

        ServiceProcess measurements = PLATFORM.get().service("measurements-service");
        Thread poster = new Thread(() -> admin().contentType("application/json").body(batch).post("/api/v1/measurements"));
        poster.start();
        // Kill it once the first chunk of the batch is committed, while the rest is in flight.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> !poster.isAlive()
                || admin().get("/api/v1/measurements?planId={planId}&size=1", crashed).jsonPath().getInt("total") > 0);
        measurements.kill();
        poster.join();
        measurements.start();
        measurements.awaitReady(Duration.ofMinutes(2));

        List<String> statuses = admin().contentType("application/json").body(batch).post("/api/v1/measurements")
                .then().statusCode(202).extract().jsonPath().getList("results.status");
        assertThat(statuses).hasSize(values.size()).allMatch(s -> s.equals("accepted") || s.equals("duplicate"));
        admin().get("/api/v1/measurements?planId={planId}&size=1", crashed).then().statusCode(200)
                .body("total", equalTo(values.size()));

        admin().contentType("application/json").body(batch(clean, values)).post("/api/v1/measurements")
                .then().statusCode(202).body("accepted", equalTo(values.size()));
        for (String planId : List.of(crashed, clean)) {
            await().atMost(Duration.ofMinutes(5)).untilAsserted(() -> assertThat(admin()
                    .get("/api/v1/scores/plans/{planId}/indicators/G2-K1?year=2018", planId)
                    .then().statusCode(200).extract().jsonPath().getInt("indicator.value")).isEqualTo(expectedSum));
        }
        var crashedCard = admin().get("/api/v1/scores/plans/{planId}?year=2018", crashed).then().extract().jsonPath();
        var cleanCard = admin().get("/api/v1/scores/plans/{planId}?year=2018", clean).then().extract().jsonPath();
        assertThat(crashedCard.getList("scorecard.indicators.achievement"))
                .isEqualTo(cleanCard.getList("scorecard.indicators.achievement"));
        assertThat(crashedCard.getString("scorecard.totalScore")).isEqualTo(cleanCard.getString("scorecard.totalScore"));
    }

    @Test
    void scoringStoppedGracefullyMidBatchDeadLettersNothingAndScoresEveryMeasurementAfterRestart() throws Exception {
        String planId = planScoredAtLeastOnce();
        List<Integer> values = new java.util.Random(11).ints(1_000, 1, 4).boxed().toList();
        int expectedSum = values.stream().mapToInt(Integer::intValue).sum();
        admin().contentType("application/json").body(batch(planId, values)).post("/api/v1/measurements")
                .then().statusCode(202).body("accepted", equalTo(values.size()));

        // Scoring applies a poll at a time: stop it as soon as the first of the batch's polls is scored.
        ServiceProcess scoring = PLATFORM.get().service("scoring-service");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> !measurementTriggers(planId).isEmpty());
        scoring.stop();
        scoring.start();
        scoring.awaitReady(Duration.ofMinutes(2));

        await().atMost(Duration.ofMinutes(5)).untilAsserted(() -> assertThat(admin()
                .get("/api/v1/scores/plans/{planId}/indicators/G2-K1?year=2018", planId)
                .then().statusCode(200).extract().jsonPath().getInt("indicator.value")).isEqualTo(expectedSum));
        assertThat(admin().get("/api/v1/scores/plans/{planId}/indicators/G2-K1?year=2018", planId)
                .then().statusCode(200).extract().jsonPath().getInt("inputEventCount"))
                .as("every measurement counted once").isEqualTo(values.size());
        assertThat(measurementTriggers(planId)).doesNotHaveDuplicates();
        assertThat(deadLetters("measurements.recorded.v1.dlq.scoring-service")).isZero();
    }

    /** Monthly actuals of G2-K1 (50 場 a year, summed), one event per value, with fresh event ids. */
    private static String batch(String planId, List<Integer> values) {
        StringBuilder events = new StringBuilder("{\"events\": [");
        for (int i = 0; i < values.size(); i++) {
            events.append(i == 0 ? "" : ",").append(measurement(UUID.randomUUID(), planId, "G2-K1",
                    "2018-%02d".formatted(1 + i % 12), values.get(i).toString(), "場"));
        }
        return events.append("]}").toString();
    }

    private static String planScoredAtLeastOnce() {
        String planId = createPlan(SEED_001);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                admin().get("/api/v1/scores/plans/{planId}?year=2018", planId).statusCode() == 200);
        return planId;
    }

    private static UUID postMeasurement(String planId, String indicatorId, String value) {
        UUID eventId = UUID.randomUUID();
        String unit = indicatorId.equals("G2-K1") ? "場" : "%";
        admin().contentType("application/json")
                .body(measurement(eventId, planId, indicatorId, "2018", value, unit))
                .post("/api/v1/measurements")
                .then().statusCode(202)
                .body("results[0].status", equalTo("accepted"));
        return eventId;
    }

    private static void assertScoredExactlyOnce(String planId, UUID eventId) {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(versionsTriggeredBy(planId, eventId)).hasSize(1));
        assertThat(versionsTriggeredBy(planId, eventId)).hasSize(1);
    }

    private static List<Object> versionsTriggeredBy(String planId, UUID eventId) {
        return admin().get("/api/v1/scores/plans/{planId}/history?year=2018&size=500", planId)
                .then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.trigger.eventId == '" + eventId + "' }");
    }

    /** The event ids of the measurements that produced a score version of the plan (2018). */
    private static List<String> measurementTriggers(String planId) {
        List<String> triggers = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            var history = admin().get("/api/v1/scores/plans/{planId}/history?year=2018&order=oldest&size=500&page={page}",
                            planId, page)
                    .then().statusCode(200).extract().jsonPath();
            triggers.addAll(history.getList("items.findAll { it.trigger.eventType == 'MeasurementRecorded' }.trigger.eventId"));
            if ((page + 1) * 500L >= history.getLong("total")) {
                return triggers;
            }
        }
    }

    /** How many records a dead-letter topic holds (its end offsets, summed). */
    private static long deadLetters(String topic) throws Exception {
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, PLATFORM.get().kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> partitions = kafka.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return kafka.listOffsets(partitions).all().get().values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        }
    }

    private static List<SseSubscription.Event> updatesTriggeredBy(SseSubscription stream, UUID eventId) {
        return stream.events().stream()
                .filter(e -> "score-updated".equals(e.name()))
                .filter(e -> eventId.toString().equals(PlatformFixture.read(e.data()).path("trigger").path("eventId").asText()))
                .toList();
    }
}
