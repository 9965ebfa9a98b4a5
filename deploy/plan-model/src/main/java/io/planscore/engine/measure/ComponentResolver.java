package io.planscore.engine.measure;

import io.planscore.engine.PlanModel.Indicator;
import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.MeasureValue;
import io.planscore.engine.calc.MeasureValue.Availability;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.planscore.engine.calc.Decimals.format;

/**
 * Resolves the component symbols of one indicator for one year: a constant, else the aggregated posted events
 * (summed unless the plan declares otherwise), else a derived expression over other components.
 */
final class ComponentResolver {

    private final Indicator indicator;
    private final Map<String, List<LiveValue>> posted;
    private final Derivation trace;
    private final Function<String, Period> periods;
    private final Map<String, MeasureValue> resolved = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    ComponentResolver(Indicator indicator, List<LiveValue> componentValues, Derivation trace,
                      Function<String, Period> periods) {
        this.indicator = indicator;
        this.posted = componentValues.stream()
                .collect(Collectors.groupingBy(LiveValue::component, LinkedHashMap::new, Collectors.toList()));
        this.trace = trace;
        this.periods = periods;
    }

    MeasureValue resolve(String symbol) {
        MeasureValue known = resolved.get(symbol);
        if (known == null) {
            known = compute(symbol);
            resolved.put(symbol, known);
        }
        return known;
    }

    /** Evaluates an expression once all its symbols resolve; PENDING while any is missing. */
    MeasureValue evaluate(String label, Expression expression) {
        Map<String, MeasureValue> inputs = new LinkedHashMap<>();
        expression.symbols().forEach(symbol -> inputs.put(symbol, resolve(symbol)));
        List<LiveValue> sources = inputs.values().stream()
                .flatMap(value -> value.sources().stream())
                .distinct()
                .toList();
        if (inputs.values().stream().anyMatch(v -> v.availability() == Availability.PENDING)) {
            return MeasureValue.pending();
        }
        if (inputs.values().stream().anyMatch(v -> v.availability() == Availability.DIVISION_BY_ZERO)) {
            return MeasureValue.divisionByZero(sources);
        }
        String written = label + " = " + expression.render(symbol -> symbol) + " = "
                + expression.render(symbol -> format(inputs.get(symbol).value()));
        try {
            BigDecimal value = expression.evaluate(symbol -> inputs.get(symbol).value());
            trace.add(written + " = " + format(value));
            return MeasureValue.present(value, sources);
        } catch (DivisionByZeroException e) {
            trace.add(written + ": " + e.getMessage());
            return MeasureValue.divisionByZero(sources);
        }
    }

    /** The symbols of an expression that have no value yet. */
    List<String> missing(Expression expression) {
        return expression.symbols().stream()
                .filter(symbol -> resolve(symbol).availability() == Availability.PENDING)
                .toList();
    }

    private MeasureValue compute(String symbol) {
        Formula formula = indicator.formula();
        if (formula != null && formula.constants().containsKey(symbol)) {
            BigDecimal constant = formula.constants().get(symbol);
            trace.add(symbol + " = constant " + format(constant));
            return MeasureValue.present(constant, List.of());
        }
        List<LiveValue> values = posted.get(symbol);
        if (values != null) {
            Aggregation aggregation = indicator.componentAggregation(symbol);
            BigDecimal value = aggregation.apply(values, periods);
            trace.add(symbol + " = " + aggregation.describe(values, value, periods));
            return MeasureValue.present(value, values);
        }
        Expression derivation = formula == null ? null : formula.derived().get(symbol);
        if (derivation != null && inProgress.add(symbol)) {
            try {
                return evaluate(symbol, derivation);
            } finally {
                inProgress.remove(symbol);
            }
        }
        return MeasureValue.pending();
    }
}
