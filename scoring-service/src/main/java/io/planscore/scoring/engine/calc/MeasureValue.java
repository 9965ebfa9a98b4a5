package io.planscore.scoring.engine.calc;

import io.planscore.scoring.engine.Flag;

import java.math.BigDecimal;
import java.util.List;

/** A measure (or component) value for a year with the events it came from, or why there is none. */
public record MeasureValue(BigDecimal value, Availability availability, List<String> eventIds) {

    public enum Availability {
        PRESENT,
        /** No actual yet: never read as 0. */
        PENDING,
        /** A formula's denominator was 0. */
        DIVISION_BY_ZERO
    }

    public MeasureValue {
        eventIds = List.copyOf(eventIds);
    }

    public static MeasureValue present(BigDecimal value, List<String> eventIds) {
        return new MeasureValue(value, Availability.PRESENT, eventIds);
    }

    public static MeasureValue pending() {
        return new MeasureValue(null, Availability.PENDING, List.of());
    }

    public static MeasureValue divisionByZero(List<String> eventIds) {
        return new MeasureValue(null, Availability.DIVISION_BY_ZERO, eventIds);
    }

    public boolean isPresent() {
        return availability == Availability.PRESENT;
    }

    /** The outcome of judging a value that is not there. */
    public Outcome unavailable() {
        return availability == Availability.DIVISION_BY_ZERO
                ? Outcome.notScored(Flag.DIVISION_BY_ZERO)
                : Outcome.pending();
    }
}
