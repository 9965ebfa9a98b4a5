package io.planscore.platform.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one JSON envelope every planscore event travels in. {@code eventId} is the deduplication key of
 * every consumer; {@code aggregateId} is the Kafka key (a plan id), so one plan's events stay in order.
 * The payload schema belongs to the producer and is named by {@code eventType} and {@code schemaVersion}.
 */
public record EventEnvelope(
        UUID eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String producer,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(payload, "payload");
    }
}
