package io.planscore.measurements.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code MeasurementRecorded} on {@code measurements.recorded.v1}; the envelope's
 * {@code eventId} is the measurement's own {@code eventId}, its key the plan id.
 */
@JsonPropertyOrder({"eventId", "planId", "planVersion", "agencyId", "indicatorId", "component", "period", "year",
        "value", "unit", "kind", "supersedes", "observedAt", "recordedAt", "submittedBy", "channel", "note", "evidenceUrl"})
public record MeasurementRecorded(UUID eventId, String planId, int planVersion, String agencyId, String indicatorId,
                                  String component, String period, int year, BigDecimal value, String unit, String kind,
                                  UUID supersedes, Instant observedAt, Instant recordedAt, String submittedBy,
                                  String channel, String note, String evidenceUrl) {

    public static final String TYPE = "MeasurementRecorded";
    public static final String TOPIC = "measurements.recorded.v1";
}
