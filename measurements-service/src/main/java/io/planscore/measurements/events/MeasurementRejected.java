package io.planscore.measurements.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.platform.problem.FieldError;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code MeasurementRejected} on {@code measurements.rejected.v1}; the envelope's eventId is the rejectionId. */
@JsonPropertyOrder({"rejectionId", "eventId", "planId", "errors", "body", "channel", "receivedAt"})
public record MeasurementRejected(UUID rejectionId, UUID eventId, String planId, List<FieldError> errors,
                                  JsonNode body, String channel, Instant receivedAt) {

    public static final String TYPE = "MeasurementRejected";
    public static final String TOPIC = "measurements.rejected.v1";
}
