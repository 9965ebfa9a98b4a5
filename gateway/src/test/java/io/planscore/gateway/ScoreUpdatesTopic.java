package io.planscore.gateway;

import io.planscore.infra.SseSubscription;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Publishes ScoreUpdated events as scoring-service does, for the stream tests. */
final class ScoreUpdatesTopic {

    static final String TOPIC = "scoring.score-updated.v1";

    private ScoreUpdatesTopic() {
    }

    static void ensureTopic(KafkaCompanion kafka) {
        if (!kafka.topics().list().contains(TOPIC)) {
            kafka.topics().createAndWait(TOPIC, 3);
        }
    }

    /** A ScoreUpdated record; {@code padding} characters of scorecard make it as large as a real one. */
    static ProducerRecord<String, String> scoreUpdated(String planId, String agencyId, long scoreVersion, int padding) {
        String payload = """
                {"planId": "%s", "agencyId": "%s", "year": 2018, "planVersion": 1, "scoreVersion": %d,
                 "computedAt": "%s", "trigger": {"eventId": "%s", "eventType": "MeasurementRecorded"},
                 "scorecard": {"totalScore": %d, "notes": "%s"}}""".formatted(planId, agencyId, scoreVersion,
                Instant.now(), UUID.randomUUID(), scoreVersion, "x".repeat(padding));
        String envelope = """
                {"eventId": "%s", "eventType": "ScoreUpdated", "schemaVersion": 1, "occurredAt": "%s",
                 "aggregateId": "%s", "aggregateVersion": %d, "producer": "test", "payload": %s}""".formatted(
                UUID.randomUUID(), Instant.now(), planId, scoreVersion, payload);
        return new ProducerRecord<>(TOPIC, planId, envelope);
    }

    static void publish(KafkaCompanion kafka, List<ProducerRecord<String, String>> records) {
        kafka.produceStrings().fromRecords(records).awaitCompletion();
    }

    /** The score versions of the updates a subscriber received, in order. */
    static List<Long> versions(SseSubscription subscription) {
        return subscription.events("score-updated").stream()
                .map(e -> Long.parseLong(e.data().replaceAll(".*\"scoreVersion\":\\s*(\\d+).*", "$1")))
                .toList();
    }
}
