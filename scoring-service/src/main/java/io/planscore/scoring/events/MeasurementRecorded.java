package io.planscore.scoring.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Consumer-side view of one measurement that measurements-service recorded (docs/events.md), as a
 * {@link MeasurementsRecorded} carries it, or alone in a record of its own type: the form measurements-service wrote
 * before it batched them, still on the topic and still read. Unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeasurementRecorded(UUID eventId, String planId, String indicatorId, String component, String period,
                                  int year, BigDecimal value, String kind, UUID supersedes, Instant recordedAt) {

    public static final String TYPE = "MeasurementRecorded";
}
