package io.planscore.engine.measure;

import io.planscore.engine.calc.Decimals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** How the events of a year become one value (SCORING.md §2.2). */
public enum Aggregation {
    SUM,
    LAST,
    MAX,
    MEAN;

    // Units of levels rather than flows: rates and durations.
    private static final Set<String> LEVEL_UNITS = Set.of("%", "日", "天");

    /**
     * The default when the plan does not say: {@code last} for % units, formula indicators, durations, ranks and
     * progress ({@code levelMeasure}); {@code sum} for counts, people, places and money.
     */
    public static Aggregation defaultFor(String unit, boolean formula, boolean levelMeasure) {
        return formula || levelMeasure || (unit != null && LEVEL_UNITS.contains(unit)) ? LAST : SUM;
    }

    /**
     * Aggregates the live values of a year's periods (at least one) exactly as the year's events in canonical order
     * (period end, then recordedAt, then event id) would be: {@code last} takes the final event, {@code max} the
     * first of the greatest. {@code periods} reads a period (the caller may memoise it).
     */
    public BigDecimal apply(List<LiveValue> values, Function<String, Period> periods) {
        return switch (this) {
            case SUM -> sum(values);
            case LAST -> latest(values, periods).last();
            case MAX -> greatest(values, periods).max();
            case MEAN -> Decimals.divide(sum(values), BigDecimal.valueOf(count(values)));
        };
    }

    /** The right-hand side of a derivation step: "sum of 3 events = 12", "80 (event e7, 2019-Q4)". */
    public String describe(List<LiveValue> values, BigDecimal value, Function<String, Period> periods) {
        int count = count(values);
        if (count == 1) {
            LiveValue only = values.get(0);
            return Decimals.format(value) + " (event " + only.lastEventId() + ", " + only.period() + ")";
        }
        String what = name().toLowerCase(Locale.ROOT) + " of " + count + " events";
        if (this == LAST) {
            LiveValue latest = latest(values, periods);
            what += " (latest: event " + latest.lastEventId() + ", " + latest.period() + ")";
        }
        return what + " = " + Decimals.format(value);
    }

    /** How many events the values aggregate. */
    public static int count(List<LiveValue> values) {
        return values.stream().mapToInt(LiveValue::count).sum();
    }

    private static BigDecimal sum(List<LiveValue> values) {
        return values.stream().map(LiveValue::sum).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The period holding the year's final event in canonical order. */
    private static LiveValue latest(List<LiveValue> values, Function<String, Period> periods) {
        return values.stream().max(Comparator.comparing((LiveValue v) -> periods.apply(v.period()), Period.BY_END)
                .thenComparing(LiveValue::lastRecordedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                .thenComparing(LiveValue::lastEventId)).orElseThrow();
    }

    /** The period holding the first of the year's greatest events in canonical order. */
    private static LiveValue greatest(List<LiveValue> values, Function<String, Period> periods) {
        BigDecimal greatest = values.stream().map(LiveValue::max).reduce(Decimals::max).orElseThrow();
        return values.stream().filter(v -> v.max().compareTo(greatest) == 0)
                .min(Comparator.comparing((LiveValue v) -> periods.apply(v.period()), Period.BY_END)
                        .thenComparing(LiveValue::maxRecordedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                        .thenComparing(LiveValue::maxEventId)).orElseThrow();
    }
}
