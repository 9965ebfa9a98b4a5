package io.planscore.scoring.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Consumer-side view of measurements-service's event (docs/events.md); unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeasurementRecorded(UUID eventId, String planId, String indicatorId, String component, String period,
                                  int year, BigDecimal value, String kind, UUID supersedes, Instant recordedAt) {

    public static final String TYPE = "MeasurementRecorded";
}
