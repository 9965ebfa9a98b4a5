package io.planscore.engine.target;

import io.planscore.engine.calc.Decimals;
import io.planscore.engine.calc.Derivation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static io.planscore.engine.calc.Decimals.format;

/** How an indicator's baseline is set (§3): the mean of the n previous years, the previous year, or fixed. */
public sealed interface BaselineRule {

    String describe();

    /** How many years before a scored year the baseline reads: a year's measurements are accepted that far back. */
    int yearsBefore();

    /**
     * The baseline for {@code year}; {@code valueOfYear} gives an earlier year's measure value (or an
     * administrator's baseline value). Empty when any needed year is missing.
     */
    Optional<BigDecimal> resolve(int year, IntFunction<Optional<BigDecimal>> valueOfYear, Derivation trace);

    record MeanOfPreviousYears(int years) implements BaselineRule {
        public MeanOfPreviousYears {
            if (years < 1) {
                throw new IllegalArgumentException("mean_of_previous_n_years needs n ≥ 1, got " + years);
            }
        }

        public String describe() {
            return "mean of the previous " + years + " years";
        }

        public int yearsBefore() {
            return years;
        }

        public Optional<BigDecimal> resolve(int year, IntFunction<Optional<BigDecimal>> valueOfYear,
                                            Derivation trace) {
            List<BigDecimal> values = new ArrayList<>();
            List<Integer> missing = new ArrayList<>();
            for (int y = year - years; y < year; y++) {
                Optional<BigDecimal> value = valueOfYear.apply(y);
                value.ifPresentOrElse(values::add, missingYear(missing, y));
            }
            String span = (year - years) + "–" + (year - 1);
            if (!missing.isEmpty()) {
                trace.add("baseline = " + describe() + " (" + span + "): no value for " + missing.stream()
                        .map(String::valueOf).collect(Collectors.joining(", ")));
                return Optional.empty();
            }
            BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal mean = Decimals.divide(sum, BigDecimal.valueOf(years));
            trace.add("baseline = mean of " + span + " = (" + values.stream().map(Decimals::format)
                    .collect(Collectors.joining(" + ")) + ") / " + years + " = " + format(mean));
            return Optional.of(mean);
        }

        private static Runnable missingYear(List<Integer> missing, int year) {
            return () -> missing.add(year);
        }
    }

    record PreviousYear() implements BaselineRule {
        public String describe() {
            return "value of the previous year";
        }

        public int yearsBefore() {
            return 1;
        }

        public Optional<BigDecimal> resolve(int year, IntFunction<Optional<BigDecimal>> valueOfYear,
                                            Derivation trace) {
            Optional<BigDecimal> value = valueOfYear.apply(year - 1);
            trace.add("baseline = value of " + (year - 1) + value.map(v -> " = " + format(v)).orElse(": no value"));
            return value;
        }
    }

    record Fixed(BigDecimal value) implements BaselineRule {
        public String describe() {
            return "fixed at " + format(value);
        }

        public int yearsBefore() {
            return 0;
        }

        public Optional<BigDecimal> resolve(int year, IntFunction<Optional<BigDecimal>> valueOfYear,
                                            Derivation trace) {
            trace.add("baseline = fixed " + format(value));
            return Optional.of(value);
        }
    }
}
