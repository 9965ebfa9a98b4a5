package io.planscore.measurements.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.platform.problem.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "RejectedMeasurement", description = "A submission that was not recorded, as received, with every reason")
public record RejectedView(UUID rejectionId, UUID eventId, String planId, List<FieldError> errors, JsonNode body,
                           @Schema(enumeration = {"http", "csv", "kafka"}) String channel, Instant receivedAt,
                           String principal) {
}
