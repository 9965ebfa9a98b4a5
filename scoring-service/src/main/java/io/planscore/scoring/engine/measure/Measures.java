package io.planscore.scoring.engine.measure;

import io.planscore.scoring.engine.Measurement;
import io.planscore.scoring.engine.PlanModel.Indicator;
import io.planscore.scoring.engine.calc.Derivation;
import io.planscore.scoring.engine.calc.MeasureValue;
import io.planscore.scoring.engine.calc.MeasureValue.Availability;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The measure value of an indicator for a year (SCORING.md §2), from all active measurements of the plan. */
public final class Measures {

    /** A plan's history has thousands of events but few distinct periods: each is parsed once. */
    private final Map<String, Period> periods = new HashMap<>();
    private final Map<String, List<Measurement>> byIndicator;

    public Measures(Collection<Measurement> measurements) {
        this.byIndicator = measurements.stream()
                .sorted(Aggregation.canonicalOrder(this::period))
                .collect(Collectors.groupingBy(Measurement::indicatorId));
    }

    /**
     * Components first when every one is there for the year (§2.5), else the aggregated direct values, else
     * PENDING. A zero denominator is DIVISION_BY_ZERO.
     */
    public MeasureValue valueOf(Indicator indicator, int year, Derivation trace) {
        List<Measurement> events = eventsIn(indicator, year);
        List<Measurement> componentEvents = events.stream().filter(e -> e.component() != null).toList();
        Formula formula = indicator.formula();
        if (formula != null && !componentEvents.isEmpty()) {
            ComponentResolver components = new ComponentResolver(indicator, componentEvents, trace);
            MeasureValue computed = components.evaluate("value", formula.expression());
            if (computed.availability() != Availability.PENDING) {
                return computed;
            }
            trace.add("components incomplete for " + year + " (missing "
                    + String.join(", ", components.missing(formula.expression())) + ") → direct value");
        }
        List<Measurement> direct = events.stream().filter(e -> e.component() == null).toList();
        if (direct.isEmpty()) {
            trace.add("value: no measurement for " + year + " yet");
            return MeasureValue.pending();
        }
        Aggregation aggregation = indicator.aggregation();
        BigDecimal value = aggregation.apply(direct);
        trace.add("value = " + aggregation.describe(direct, value));
        return MeasureValue.present(value, direct.stream().map(Measurement::eventId).toList());
    }

    /** One input symbol of the indicator for the year (a posted, constant or derived component). */
    public MeasureValue component(Indicator indicator, String symbol, int year, Derivation trace) {
        List<Measurement> componentEvents = eventsIn(indicator, year).stream()
                .filter(e -> e.component() != null)
                .toList();
        MeasureValue value = new ComponentResolver(indicator, componentEvents, trace).resolve(symbol);
        if (value.availability() == Availability.PENDING) {
            trace.add(symbol + ": no measurement for " + year + " yet");
        }
        return value;
    }

    private List<Measurement> eventsIn(Indicator indicator, int year) {
        return byIndicator.getOrDefault(indicator.id(), List.of()).stream()
                .filter(e -> period(e.period()).year() == year)
                .toList();
    }

    private Period period(String text) {
        return periods.computeIfAbsent(text, Period::parse);
    }
}
