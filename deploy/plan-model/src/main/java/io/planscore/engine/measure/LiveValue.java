package io.planscore.engine.measure;

import io.planscore.engine.Measurement;
import io.planscore.engine.calc.Decimals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live events of one indicator, component (null: the indicator's own value) and period, aggregated: all that
 * scoring reads of them, whatever their number. In canonical order (recordedAt, then event id) {@code last} is the
 * final event and {@code max} the first of the greatest, each with the event it came from, so that aggregating
 * values of several periods gives exactly what aggregating their events gives (see {@link Aggregation}).
 * {@code eventIds} names the events when they were aggregated here ({@link #of}); a value maintained in storage
 * names none, and {@code count} says how many there are.
 */
public record LiveValue(String indicatorId, String component, String period, int count, BigDecimal sum,
                        BigDecimal max, String maxEventId, Instant maxRecordedAt,
                        BigDecimal last, String lastEventId, Instant lastRecordedAt, List<String> eventIds) {

    /** Within one period: recordedAt (absent first), then event id. */
    static final Comparator<Measurement> IN_PERIOD = Comparator
            .comparing(Measurement::recordedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(Measurement::eventId);

    public LiveValue {
        eventIds = List.copyOf(eventIds);
    }

    /**
     * The one function from live events to what the engine reads: live_value rows in storage are maintained to
     * equal it (less the event ids).
     */
    public static List<LiveValue> of(Collection<Measurement> measurements) {
        Map<List<String>, List<Measurement>> cells = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            cells.computeIfAbsent(Arrays.asList(m.indicatorId(), m.component(), m.period()),
                    key -> new ArrayList<>()).add(m);
        }
        return cells.values().stream().map(LiveValue::aggregate).toList();
    }

    private static LiveValue aggregate(List<Measurement> cell) {
        List<Measurement> ordered = cell.stream().sorted(IN_PERIOD).toList();
        Measurement first = ordered.get(0);
        Measurement greatest = first;
        BigDecimal sum = BigDecimal.ZERO;
        for (Measurement m : ordered) {
            sum = sum.add(m.value());
            if (Decimals.max(greatest.value(), m.value()) != greatest.value()) {
                greatest = m;
            }
        }
        Measurement last = ordered.get(ordered.size() - 1);
        return new LiveValue(first.indicatorId(), first.component(), first.period(), ordered.size(), sum,
                greatest.value(), greatest.eventId(), greatest.recordedAt(), last.value(), last.eventId(),
                last.recordedAt(), ordered.stream().map(Measurement::eventId).toList());
    }

    /** The same value, as storage keeps it: without the event ids. */
    public LiveValue withoutEventIds() {
        return new LiveValue(indicatorId, component, period, count, sum, max, maxEventId, maxRecordedAt, last,
                lastEventId, lastRecordedAt, List.of());
    }

    boolean isComponent() {
        return component != null;
    }
}
