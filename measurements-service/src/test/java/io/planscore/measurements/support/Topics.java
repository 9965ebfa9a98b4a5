package io.planscore.measurements.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Reads a topic from the beginning (fresh consumer group) and filters its records. */
public final class Topics implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ConsumerTask<String, String> task;

    private Topics(ConsumerTask<String, String> task) {
        this.task = task;
    }

    public static Topics read(KafkaCompanion companion, String topic) {
        return new Topics(companion.consumeStrings().withGroupId("test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(topic, Duration.ofMinutes(10)));
    }

    public List<ConsumerRecord<String, String>> records(Predicate<ConsumerRecord<String, String>> filter) {
        return task.getRecords().stream().filter(filter).toList();
    }

    public List<ConsumerRecord<String, String>> withKey(String key) {
        return records(r -> key.equals(r.key()));
    }

    /** The records whose {@code MeasurementsRecorded} payload carries the measurement {@code eventId}. */
    public List<ConsumerRecord<String, String>> recording(String eventId) {
        return records(r -> measurements(r).stream().anyMatch(m -> eventId.equals(m.path("eventId").asText())));
    }

    /** The measurements recorded so far, in order, as their {@code MeasurementsRecorded} records carry them. */
    public List<JsonNode> measurements(Predicate<JsonNode> filter) {
        return task.getRecords().stream().flatMap(r -> measurements(r).stream()).filter(filter).toList();
    }

    public List<JsonNode> measurement(String eventId) {
        return measurements(m -> eventId.equals(m.path("eventId").asText()));
    }

    private static List<JsonNode> measurements(ConsumerRecord<String, String> record) {
        List<JsonNode> measurements = new ArrayList<>();
        json(record).path("payload").path("measurements").forEach(measurements::add);
        return measurements;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaCompanion.getHeader(record.headers(), name);
    }

    public static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return MAPPER.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        task.close();
    }
}
