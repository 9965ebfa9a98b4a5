package io.planscore.measurements.domain;

import java.util.Locale;

/** The way a measurement event came in. All of them go through the same pipeline. */
public enum Channel {
    HTTP, CSV, KAFKA;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
