package io.planscore.measurements.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One accepted measurement, as {@link MeasurementsRecorded} carries it on {@code measurements.recorded.v1} (keyed
 * by its plan id). {@code eventId} is the measurement's own.
 */
@JsonPropertyOrder({"eventId", "planId", "planVersion", "agencyId", "indicatorId", "component", "period", "year",
        "value", "unit", "kind", "supersedes", "observedAt", "recordedAt", "submittedBy", "channel", "note", "evidenceUrl"})
public record MeasurementRecorded(UUID eventId, String planId, int planVersion, String agencyId, String indicatorId,
                                  String component, String period, int year, BigDecimal value, String unit, String kind,
                                  UUID supersedes, Instant observedAt, Instant recordedAt, String submittedBy,
                                  String channel, String note, String evidenceUrl) {

    public static final String TOPIC = "measurements.recorded.v1";
}
