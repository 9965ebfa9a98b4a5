package io.planscore.engine.rules;

import io.planscore.engine.Flag;
import io.planscore.engine.calc.Decimals;
import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.Inputs;
import io.planscore.engine.calc.MeasureValue;
import io.planscore.engine.calc.Outcome;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.planscore.engine.calc.Decimals.format;

/** The points of the first band that holds v; a value in no band (a gap) scores 0 with flag NO_BAND. */
public record ThresholdBandsRule(List<Band> bands, BigDecimal maxPoints) implements PointRule {

    /** A band; a null bound is open. */
    public record Band(BigDecimal min, BigDecimal max, boolean minInclusive, boolean maxInclusive, BigDecimal points) {
        public Band {
            RuleText.present(points, "band points");
            if (min != null && max != null && min.compareTo(max) > 0) {
                throw new IllegalArgumentException("band minimum " + min + " is above its maximum " + max);
            }
        }

        public boolean contains(BigDecimal v) {
            boolean aboveMin = min == null || (minInclusive ? v.compareTo(min) >= 0 : v.compareTo(min) > 0);
            boolean belowMax = max == null || (maxInclusive ? v.compareTo(max) <= 0 : v.compareTo(max) < 0);
            return aboveMin && belowMax;
        }

        @Override
        public String toString() {
            return (min == null ? "(−∞" : (minInclusive ? "[" : "(") + format(min)) + ", "
                    + (max == null ? "∞)" : format(max) + (maxInclusive ? "]" : ")")) + " → " + format(points);
        }
    }

    public ThresholdBandsRule {
        bands = List.copyOf(bands);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("threshold_bands needs at least one band");
        }
        maxPoints = RuleText.positive(Objects.requireNonNullElse(maxPoints,
                bands.stream().map(Band::points).reduce(Decimals::max).orElseThrow()), "max_points");
    }

    public String type() {
        return "threshold_bands";
    }

    public String definition() {
        return RuleText.definition(type(), "bands", bands, "max_points", maxPoints);
    }

    public Outcome evaluate(Inputs in, Derivation trace) {
        MeasureValue measured = in.value();
        if (!measured.isPresent()) {
            return measured.unavailable();
        }
        BigDecimal v = measured.value();
        Optional<Band> band = bands.stream().filter(b -> b.contains(v)).findFirst();
        if (band.isEmpty()) {
            trace.add("points = 0 (" + format(v) + " lies in no band)");
            return Outcome.earned(BigDecimal.ZERO, maxPoints).withFlags(Set.of(Flag.NO_BAND));
        }
        trace.add("points = " + format(band.get().points()) + " (" + format(v) + " in band " + band.get() + ")");
        return Outcome.earned(band.get().points(), maxPoints);
    }
}
