package io.planscore.engine.measure;

import io.planscore.engine.PlanModel.Indicator;
import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.MeasureValue;
import io.planscore.engine.calc.MeasureValue.Availability;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The measure value of an indicator for a year (SCORING.md §2), from the live values of the plan: its active
 * measurements aggregated per indicator, component and period ({@link LiveValue}).
 */
public final class Measures {

    /** Each period is parsed once. */
    private final Map<String, Period> periods = new HashMap<>();
    /** Per indicator, in period order (end, then text), so that provenance lists events alike however they came. */
    private final Map<String, List<LiveValue>> byIndicator;

    public Measures(Collection<LiveValue> values) {
        this.byIndicator = values.stream()
                .sorted(Comparator.comparing((LiveValue v) -> period(v.period()), Period.BY_END)
                        .thenComparing(LiveValue::period))
                .collect(Collectors.groupingBy(LiveValue::indicatorId));
    }

    /**
     * Components first when every one is there for the year (§2.5), else the aggregated direct values, else
     * PENDING. A zero denominator is DIVISION_BY_ZERO.
     */
    public MeasureValue valueOf(Indicator indicator, int year, Derivation trace) {
        List<LiveValue> values = valuesIn(indicator, year);
        List<LiveValue> componentValues = values.stream().filter(LiveValue::isComponent).toList();
        Formula formula = indicator.formula();
        if (formula != null && !componentValues.isEmpty()) {
            ComponentResolver components = new ComponentResolver(indicator, componentValues, trace, this::period);
            MeasureValue computed = components.evaluate("value", formula.expression());
            if (computed.availability() != Availability.PENDING) {
                return computed;
            }
            trace.add("components incomplete for " + year + " (missing "
                    + String.join(", ", components.missing(formula.expression())) + ") → direct value");
        }
        List<LiveValue> direct = values.stream().filter(v -> !v.isComponent()).toList();
        if (direct.isEmpty()) {
            trace.add("value: no measurement for " + year + " yet");
            return MeasureValue.pending();
        }
        Aggregation aggregation = indicator.aggregation();
        BigDecimal value = aggregation.apply(direct, this::period);
        trace.add("value = " + aggregation.describe(direct, value, this::period));
        return MeasureValue.present(value, direct);
    }

    /** One input symbol of the indicator for the year (a posted, constant or derived component). */
    public MeasureValue component(Indicator indicator, String symbol, int year, Derivation trace) {
        List<LiveValue> componentValues = valuesIn(indicator, year).stream().filter(LiveValue::isComponent).toList();
        MeasureValue value = new ComponentResolver(indicator, componentValues, trace, this::period).resolve(symbol);
        if (value.availability() == Availability.PENDING) {
            trace.add(symbol + ": no measurement for " + year + " yet");
        }
        return value;
    }

    private List<LiveValue> valuesIn(Indicator indicator, int year) {
        return byIndicator.getOrDefault(indicator.id(), List.of()).stream()
                .filter(v -> period(v.period()).year() == year)
                .toList();
    }

    private Period period(String text) {
        return periods.computeIfAbsent(text, Period::parse);
    }
}
