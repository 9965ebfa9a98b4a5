package io.planscore.engine.indicator;

import io.planscore.engine.PlanModel.Indicator;
import io.planscore.engine.Scorecard.BaselineInput;
import io.planscore.engine.ScoringContext;
import io.planscore.engine.ScoringContext.AdminInput;
import io.planscore.engine.ScoringContext.PeerResult;
import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.Inputs;
import io.planscore.engine.calc.MeasureValue;
import io.planscore.engine.calc.Polarity;
import io.planscore.engine.measure.LiveValue;
import io.planscore.engine.measure.Measures;
import io.planscore.engine.target.TargetSpec;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.planscore.engine.calc.Decimals.format;

/** The inputs of one indicator and year, computed on first use and recorded as provenance when read. */
final class IndicatorInputs implements Inputs {

    private final Indicator indicator;
    private final int year;
    private final TargetSpec target;
    private final Measures measures;
    private final ScoringContext context;
    private final BigDecimal cap;
    private final Derivation trace;

    /** The inputs read, by name: measurement events (when the engine was given them) and administrators' inputs. */
    private final Set<String> eventIds = new TreeSet<>();
    private final Set<LiveValue> sources = new HashSet<>();
    private final Set<String> adminInputIds = new HashSet<>();
    private final Map<Integer, BaselineInput> baselineInputs = new TreeMap<>();
    private final Map<Integer, Optional<BigDecimal>> history = new HashMap<>();
    private final Map<String, MeasureValue> components = new HashMap<>();
    private final Memo<MeasureValue> value;
    private final Memo<Optional<BigDecimal>> baseline;

    IndicatorInputs(Indicator indicator, int year, TargetSpec target, Measures measures, ScoringContext context,
                    BigDecimal cap, Derivation trace) {
        this.indicator = indicator;
        this.year = year;
        this.target = target;
        this.measures = measures;
        this.context = context;
        this.cap = cap;
        this.trace = trace;
        this.value = new Memo<>(() -> used(measures.valueOf(indicator, year, trace)));
        this.baseline = new Memo<>(this::computeBaseline);
    }

    @Override
    public MeasureValue value() {
        return value.get();
    }

    /** The measure value, if the judgement read it. */
    Optional<BigDecimal> valueIfRead() {
        return value.isComputed() ? Optional.ofNullable(value.get().value()) : Optional.empty();
    }

    @Override
    public MeasureValue component(String symbol) {
        MeasureValue known = components.get(symbol);
        if (known == null) {
            known = used(measures.component(indicator, symbol, year, trace));
            components.put(symbol, known);
        }
        return known;
    }

    @Override
    public Optional<BigDecimal> baseline() {
        return baseline.get();
    }

    @Override
    public Optional<BigDecimal> previousYearValue() {
        Optional<BigDecimal> previous = valueOfYear(year - 1);
        trace.add("previous year " + (year - 1) + previous.map(v -> " = " + format(v)).orElse(": no value"));
        return previous;
    }

    @Override
    public Optional<BigDecimal> externalTarget() {
        return adminValue(context.externalTarget(indicator.id(), year));
    }

    @Override
    public Optional<BigDecimal> verdict() {
        return adminValue(context.verdict(indicator.id(), year));
    }

    @Override
    public Optional<BigDecimal> award() {
        return adminValue(context.award(indicator.id(), year));
    }

    @Override
    public Optional<List<PeerResult>> peerResults() {
        return context.peerResults(indicator.id(), year);
    }

    @Override
    public Optional<BigDecimal> targetValue() {
        return target == null ? Optional.empty() : target.value(this);
    }

    @Override
    public Polarity polarity() {
        return indicator.polarity();
    }

    @Override
    public BigDecimal cap() {
        return cap;
    }

    List<String> eventIds() {
        return List.copyOf(eventIds);
    }

    int inputCount() {
        return adminInputIds.size() + sources.stream().mapToInt(LiveValue::count).sum();
    }

    List<BaselineInput> baselineInputs() {
        return List.copyOf(baselineInputs.values());
    }

    private Optional<BigDecimal> computeBaseline() {
        if (indicator.baseline() == null) {
            trace.add("baseline: the indicator has no baseline rule");
            return Optional.empty();
        }
        return indicator.baseline().resolve(year, this::valueOfYear, trace);
    }

    /** An earlier year's value: an administrator's baseline value, else the measure value from measurements. */
    private Optional<BigDecimal> valueOfYear(int earlierYear) {
        Optional<BigDecimal> known = history.get(earlierYear);
        if (known == null) {
            known = lookUpYear(earlierYear);
            history.put(earlierYear, known);
        }
        return known;
    }

    private Optional<BigDecimal> lookUpYear(int earlierYear) {
        Optional<AdminInput> entered = context.baselineValue(indicator.id(), earlierYear);
        if (entered.isPresent()) {
            AdminInput input = entered.get();
            trace.add(earlierYear + ": value entered by an administrator = " + format(input.value()));
            adminValue(entered);
            baselineInputs.put(earlierYear, new BaselineInput(earlierYear, input.value(),
                    BaselineInput.Source.ADMINISTRATOR, List.of(input.eventId()), 1));
            return Optional.of(input.value());
        }
        MeasureValue measured = measures.valueOf(indicator, earlierYear, trace.prefixed(earlierYear + ": "));
        if (!measured.isPresent()) {
            return Optional.empty();
        }
        baselineInputs.put(earlierYear, new BaselineInput(earlierYear, measured.value(),
                BaselineInput.Source.MEASUREMENTS, measured.eventIds(), measured.eventCount()));
        used(measured);
        return Optional.of(measured.value());
    }

    private Optional<BigDecimal> adminValue(Optional<AdminInput> input) {
        input.ifPresent(i -> {
            eventIds.add(i.eventId());
            adminInputIds.add(i.eventId());
        });
        return input.map(AdminInput::value);
    }

    private MeasureValue used(MeasureValue value) {
        eventIds.addAll(value.eventIds());
        sources.addAll(value.sources());
        return value;
    }
}
