package io.planscore.measurements.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.measurements.plan.PlanVersionModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Publishes seed plans as PlanVersionApproved (docs/events.md) and waits for the read model. */
public final class TestPlans {

    public static final String TOPIC = "plans.plan-versions.v1";
    /** The seed plan documents of the local run (seed-plan-fixture/v1). */
    public static final Path SEED_PLANS = Path.of("..", "deploy", "local-run", "src", "main", "resources", "seed-plans");
    public static final String CHIAYI_POLICE = "003_chiayi-police_107.json";
    public static final String KEELUNG_EDUCATION = "002-04_keelung-education_109-112.json";
    public static final String KEELUNG_POLICE = "001_keelung-police_107-110.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestPlans() {
    }

    public static JsonNode document(String file) {
        try {
            return MAPPER.readTree(Files.readString(SEED_PLANS.resolve(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Seed plan " + SEED_PLANS.resolve(file).toAbsolutePath() + " not readable", e);
        }
    }

    public static String envelope(UUID eventId, String planId, String agencyId, int version, JsonNode document) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("planId", planId);
        payload.put("version", version);
        payload.put("agencyId", agencyId);
        payload.put("agencyName", document.path("plan").path("agency").asText());
        payload.put("approvedAt", Instant.now().toString());
        payload.put("approvedBy", "admin");
        payload.set("document", document);
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("eventId", eventId.toString());
        envelope.put("eventType", "PlanVersionApproved");
        envelope.put("schemaVersion", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("aggregateId", planId);
        envelope.put("aggregateVersion", version);
        envelope.put("producer", "plans-service");
        envelope.set("payload", payload);
        return envelope.toString();
    }

    public static void send(KafkaCompanion companion, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
        companion.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(30));
    }

    /** Publishes {@code file} as version {@code version} of a plan and waits until it is in force here. */
    public static void approve(KafkaCompanion companion, String planId, String agencyId, int version, String file) {
        send(companion, planId, envelope(UUID.randomUUID(), planId, agencyId, version, document(file)));
        awaitVersion(planId, version);
    }

    public static void awaitVersion(String planId, int version) {
        await().atMost(Duration.ofSeconds(60)).until(() -> version(planId) == version);
    }

    public static int version(String planId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PlanVersionModel plan = PlanVersionModel.findById(planId);
            return plan == null ? 0 : plan.version;
        });
    }

    /** A fresh plan id and agency id for a test. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
