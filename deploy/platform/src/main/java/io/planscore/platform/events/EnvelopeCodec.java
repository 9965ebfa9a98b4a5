package io.planscore.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/** Builds, writes and reads {@link EventEnvelope}s with the application's ObjectMapper. */
@ApplicationScoped
public class EnvelopeCodec {

    private final ObjectMapper mapper;

    public EnvelopeCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public EventEnvelope wrap(String eventType, int schemaVersion, String aggregateId, long aggregateVersion,
                              String producer, Object payload) {
        return new EventEnvelope(UUID.randomUUID(), eventType, schemaVersion, Instant.now(), aggregateId,
                aggregateVersion, producer, mapper.valueToTree(payload));
    }

    public String write(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an envelope; a malformed record throws, which sends it to the consumer's dead-letter topic. */
    public EventEnvelope read(String json) {
        try {
            return mapper.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Not a planscore event envelope: " + e.getOriginalMessage(), e);
        }
    }

    public <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Payload of " + envelope.eventType() + " " + envelope.eventId()
                    + " does not match its schema: " + e.getOriginalMessage(), e);
        }
    }
}
