package io.planscore.scoring.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * Consumer-side view of measurements-service's event (docs/events.md): the measurements one of its transactions
 * accepted for one plan, in order. Unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeasurementsRecorded(String planId, List<MeasurementRecorded> measurements) {

    public static final String TYPE = "MeasurementsRecorded";
}
