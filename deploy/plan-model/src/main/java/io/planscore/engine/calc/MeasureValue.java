package io.planscore.engine.calc;

import io.planscore.engine.Flag;
import io.planscore.engine.measure.LiveValue;

import java.math.BigDecimal;
import java.util.List;

/**
 * A measure (or component) value for a year with the live values it came from (each one indicator, component and
 * period), or why there is none.
 */
public record MeasureValue(BigDecimal value, Availability availability, List<LiveValue> sources) {

    public enum Availability {
        PRESENT,
        /** No actual yet: never read as 0. */
        PENDING,
        /** A formula's denominator was 0. */
        DIVISION_BY_ZERO
    }

    public MeasureValue {
        sources = List.copyOf(sources);
    }

    public static MeasureValue present(BigDecimal value, List<LiveValue> sources) {
        return new MeasureValue(value, Availability.PRESENT, sources);
    }

    public static MeasureValue pending() {
        return new MeasureValue(null, Availability.PENDING, List.of());
    }

    public static MeasureValue divisionByZero(List<LiveValue> sources) {
        return new MeasureValue(null, Availability.DIVISION_BY_ZERO, sources);
    }

    /** The events it came from, when its sources name them (values maintained in storage only count them). */
    public List<String> eventIds() {
        return sources.stream().flatMap(source -> source.eventIds().stream()).toList();
    }

    /** How many events it came from. */
    public int eventCount() {
        return sources.stream().mapToInt(LiveValue::count).sum();
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
