package io.planscore.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static io.planscore.e2e.PlatformFixture.admin;
import static io.planscore.e2e.PlatformFixture.createPlan;
import static io.planscore.e2e.PlatformFixture.measurement;
import static io.planscore.e2e.PlatformFixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * One measurement followed by its trace id, as docs/operations.md tells an operator to: the caller's
 * {@code traceparent} reaches measurements-service through the gateway, travels with MeasurementsRecorded (stored in
 * the outbox, sent as a record header), and scoring's ScoreUpdated for the plan-year it triggered carries it on.
 */
class TracingEndToEndTest {

    private static final String SEED_001 = "001_keelung-police_107-110.json";
    private static final String RECORDED = "measurements.recorded.v1";
    private static final String SCORE_UPDATED = "scoring.score-updated.v1";

    @RegisterExtension
    static final RunningPlatform PLATFORM = new RunningPlatform();

    @Test
    void aMeasurementsTraceIdGoesFromTheGatewayToItsScoreUpdated() {
        String planId = createPlan(SEED_001);
        String traceId = randomHex(16);
        String callerSpanId = randomHex(8);
        UUID eventId = UUID.randomUUID();

        admin().contentType("application/json")
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .body(measurement(eventId, planId, "G2-K1", "2018", "40", "場"))
                .post("/api/v1/measurements")
                .then().statusCode(202)
                .body("results[0].status", equalTo("accepted"));

        ConsumerRecord<String, String> recorded = awaitRecord(RECORDED, value -> value.path("payload")
                .path("measurements").findValuesAsText("eventId").contains(eventId.toString()));
        String recordedParent = traceparent(recorded);
        assertThat(traceIdOf(recordedParent)).as("MeasurementsRecorded's traceparent").isEqualTo(traceId);
        // the gateway and measurements-service made spans of their own: the parent is not the caller's span
        assertThat(spanIdOf(recordedParent)).isNotEqualTo(callerSpanId);

        ConsumerRecord<String, String> updated = awaitRecord(SCORE_UPDATED,
                value -> eventId.toString().equals(value.path("payload").path("trigger").path("eventId").asText()));
        assertThat(traceIdOf(traceparent(updated))).as("ScoreUpdated's traceparent").isEqualTo(traceId);
    }

    /** The first record of the topic whose JSON value matches, read from the start of every partition. */
    private static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<JsonNode> matches) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PLATFORM.get().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (matches.test(read(record.value()))) {
                        return record;
                    }
                }
            }
            throw new AssertionError("No matching record on " + topic + " within 60 s");
        }
    }

    private static String traceparent(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header of the %s record", record.topic()).isNotNull();
        String value = new String(header.value(), StandardCharsets.UTF_8);
        assertThat(value).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return value;
    }

    private static String traceIdOf(String traceparent) {
        return traceparent.split("-")[1];
    }

    private static String spanIdOf(String traceparent) {
        return traceparent.split("-")[2];
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(random);
    }
}
