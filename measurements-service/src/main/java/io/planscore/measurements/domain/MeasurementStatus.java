package io.planscore.measurements.domain;

import java.util.Locale;

/** Whether a recorded event still counts: only {@code active} ones feed scores. */
public enum MeasurementStatus {
    ACTIVE, SUPERSEDED, RETRACTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
