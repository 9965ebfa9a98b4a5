package io.planscore.scoring.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.planscore.infra.TestIdentities.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Publishes scoring's inputs the way plans-service and measurements-service do (docs/events.md). */
final class ScoringEvents {

    static final Path SEEDS = Path.of("../deploy/local-run/src/main/resources/seed-plans");
    static final String PLAN_VERSIONS = "plans.plan-versions.v1";
    static final String RECORDED = "measurements.recorded.v1";

    /** Values as one poll of {@code measurements.recorded.v1} brings them, for calling the consumer directly. */
    static List<ConsumerRecord<String, String>> polled(List<String> values) {
        List<ConsumerRecord<String, String>> poll = new ArrayList<>(values.size());
        for (int offset = 0; offset < values.size(); offset++) {
            poll.add(new ConsumerRecord<>(RECORDED, 0, offset, null, values.get(offset)));
        }
        return poll;
    }

    private final KafkaCompanion kafka;
    private final ObjectMapper mapper;

    ScoringEvents(KafkaCompanion kafka, ObjectMapper mapper) {
        this.kafka = kafka;
        this.mapper = mapper;
        for (String topic : List.of(PLAN_VERSIONS, RECORDED)) {
            if (!kafka.topics().list().contains(topic)) {
                kafka.topics().createAndWait(topic, 3);
            }
        }
    }

    /** A new plan from a seed document, once scoring has applied its version (the two topics are not ordered). */
    String planScored(String seed, int year) {
        return planScored(document(seed), year);
    }

    String planScored(JsonNode document, int year) {
        String planId = UUID.randomUUID().toString();
        approve(planId, 1, document);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().get("/api/v1/scores/plans/{planId}?year={year}", planId, year).then().statusCode(200)
                        .body("planVersion", equalTo(1)));
        return planId;
    }

    /**
     * A seed document as the plan of a government of its own, so that rank_bonus indicators of plans from
     * different tests are not ranked against each other (a test that wants peers names a peer group).
     */
    ObjectNode document(String seed) {
        try {
            ObjectNode document = (ObjectNode) mapper.readTree(Files.readString(SEEDS.resolve(seed)));
            ((ObjectNode) document.path("plan")).put("government", "test government " + UUID.randomUUID());
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void approve(String planId, int version, JsonNode document) {
        ObjectNode payload = mapper.createObjectNode();
        payload.put("planId", planId).put("version", version).put("agencyId", "agency-1")
                .put("approvedAt", Instant.now().toString());
        payload.set("document", document);
        send(PLAN_VERSIONS, envelope(UUID.randomUUID(), "PlanVersionApproved", planId, version, payload));
    }

    ObjectNode measurement(UUID eventId, String planId, String indicatorId, String period, String value) {
        ObjectNode payload = mapper.createObjectNode();
        payload.put("eventId", eventId.toString()).put("planId", planId).put("indicatorId", indicatorId)
                .put("period", period).put("year", Integer.parseInt(period.substring(0, 4))).put("kind", "actual")
                .put("recordedAt", Instant.now().toString());
        if (value != null) {
            payload.put("value", new BigDecimal(value));
        }
        return payload;
    }

    /** One measurement as measurements-service records it: a {@code MeasurementsRecorded} of one. */
    String recorded(ObjectNode measurement) {
        return recorded(List.of(measurement));
    }

    /** Measurements of one plan that measurements-service recorded together, in one record. */
    String recorded(List<ObjectNode> measurements) {
        String planId = measurements.get(0).get("planId").asText();
        ObjectNode payload = mapper.createObjectNode().put("planId", planId);
        payload.putArray("measurements").addAll(measurements);
        return envelope(UUID.randomUUID(), "MeasurementsRecorded", planId, 1, payload);
    }

    /** One measurement in a record of its own, the form measurements-service wrote before it batched them. */
    String recordedAlone(ObjectNode measurement) {
        return envelope(UUID.fromString(measurement.get("eventId").asText()), "MeasurementRecorded",
                measurement.get("planId").asText(), 1, measurement);
    }

    void record(ObjectNode measurement) {
        send(RECORDED, recorded(measurement));
    }

    String envelope(UUID eventId, String type, String planId, long version, JsonNode payload) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("eventId", eventId.toString()).put("eventType", type).put("schemaVersion", 1)
                .put("occurredAt", Instant.now().toString()).put("aggregateId", planId)
                .put("aggregateVersion", version).put("producer", "test");
        envelope.set("payload", payload);
        return envelope.toString();
    }

    void send(String topic, String record) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, key(record), record)).awaitCompletion();
    }

    /** Sends the record as the outbox relay would, with the W3C trace context it was written in. */
    void send(String topic, String record, String traceparent) {
        ProducerRecord<String, String> traced = new ProducerRecord<>(topic, key(record), record);
        traced.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        kafka.produceStrings().fromRecords(traced).awaitCompletion();
    }

    private String key(String record) {
        try {
            return mapper.readTree(record).path("aggregateId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
