package io.planscore.engine;

import io.planscore.engine.PlanModel.Goal;
import io.planscore.engine.PlanModel.Indicator;
import io.planscore.engine.Scorecard.IndicatorScore;
import io.planscore.engine.calc.Polarity;
import io.planscore.engine.target.TargetSpec;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Small builders for engine tests: one year, one goal, terse measurements. */
public final class Plans {

    public static final int YEAR = 2018;
    public static final Instant T0 = Instant.parse("2019-01-15T00:00:00Z");

    private Plans() {
    }

    public static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** Compares numbers by value, nulls first, for AssertJ element comparators. */
    public static int compareNullable(BigDecimal a, BigDecimal b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    public static Indicator indicator(String id, String unit, Polarity polarity, TargetSpec target) {
        return Indicator.of(id, id, unit, polarity, Map.of(YEAR, target));
    }

    public static TargetSpec.Numeric numeric(String value, String unit) {
        return new TargetSpec.Numeric(null, d(value), unit, value + (unit == null ? "" : unit));
    }

    public static PlanModel unweighted(Indicator... indicators) {
        return PlanModel.of("plan", 1, List.of(YEAR), List.of(),
                List.of(new Goal("G1", "goal", null, null, null, Arrays.asList(indicators))));
    }

    /** A weighted plan of one goal and one indicator carrying {@code weight} points. */
    public static PlanModel weighted(Indicator indicator, String weight) {
        Indicator weightedIndicator = indicator.withWeight(d(weight));
        return PlanModel.of("plan", 1, List.of(YEAR), List.of(),
                List.of(new Goal("G1", "goal", null, d(weight), null, List.of(weightedIndicator))));
    }

    public static Measurement m(String eventId, String indicatorId, String period, String value) {
        return new Measurement(eventId, indicatorId, null, period, d(value), T0);
    }

    public static Measurement c(String eventId, String indicatorId, String component, String period, String value) {
        return new Measurement(eventId, indicatorId, component, period, d(value), T0);
    }

    public static Scorecard score(PlanModel plan, List<Measurement> measurements, ScoringContext context) {
        return new ScoringEngine().score(plan, YEAR, measurements, context);
    }

    /** Scores a single-indicator unweighted plan and returns that indicator. */
    public static IndicatorScore scoreOne(Indicator indicator, List<Measurement> measurements,
                                          ScoringContext context) {
        return score(unweighted(indicator), measurements, context).indicators().get(0);
    }

    public static IndicatorScore scoreOne(Indicator indicator, Measurement... measurements) {
        return scoreOne(indicator, List.of(measurements), ScoringContext.empty());
    }
}
