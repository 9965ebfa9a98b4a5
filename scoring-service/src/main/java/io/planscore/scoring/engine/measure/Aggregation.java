package io.planscore.scoring.engine.measure;

import io.planscore.scoring.engine.Measurement;
import io.planscore.scoring.engine.calc.Decimals;

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

    /**
     * The order that makes every aggregation independent of arrival order: period end, then recordedAt, then
     * event id. {@code last} takes the final element. {@code periods} reads a period (the caller may memoise it).
     */
    public static Comparator<Measurement> canonicalOrder(Function<String, Period> periods) {
        return Comparator.comparing((Measurement m) -> periods.apply(m.period()), Period.BY_END)
                .thenComparing(Measurement::recordedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                .thenComparing(Measurement::eventId);
    }

    // Units of levels rather than flows: rates and durations.
    private static final Set<String> LEVEL_UNITS = Set.of("%", "日", "天");

    /**
     * The default when the plan does not say: {@code last} for % units, formula indicators, durations, ranks and
     * progress ({@code levelMeasure}); {@code sum} for counts, people, places and money.
     */
    public static Aggregation defaultFor(String unit, boolean formula, boolean levelMeasure) {
        return formula || levelMeasure || (unit != null && LEVEL_UNITS.contains(unit)) ? LAST : SUM;
    }

    /** Aggregates events that are already in {@link #canonicalOrder canonical order}; there is at least one. */
    public BigDecimal apply(List<Measurement> events) {
        return switch (this) {
            case SUM -> sum(events);
            case LAST -> events.get(events.size() - 1).value();
            case MAX -> events.stream().map(Measurement::value).reduce(Decimals::max).orElseThrow();
            case MEAN -> Decimals.divide(sum(events), BigDecimal.valueOf(events.size()));
        };
    }

    /** The right-hand side of a derivation step: "sum of 3 events = 12", "80 (event e7, 2019-Q4)". */
    public String describe(List<Measurement> events, BigDecimal value) {
        if (events.size() == 1) {
            Measurement only = events.get(0);
            return Decimals.format(value) + " (event " + only.eventId() + ", " + only.period() + ")";
        }
        String what = name().toLowerCase(Locale.ROOT) + " of " + events.size() + " events";
        if (this == LAST) {
            Measurement last = events.get(events.size() - 1);
            what += " (latest: event " + last.eventId() + ", " + last.period() + ")";
        }
        return what + " = " + Decimals.format(value);
    }

    private static BigDecimal sum(List<Measurement> events) {
        return events.stream().map(Measurement::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
