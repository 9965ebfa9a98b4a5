package io.planscore.engine.calc;

import io.planscore.engine.Flag;

import java.math.BigDecimal;

import static io.planscore.engine.calc.Decimals.divide;
import static io.planscore.engine.calc.Decimals.format;

/** The achievement formulas of SCORING.md §3. Results are unclamped; the caller clamps to [0, cap]. */
public final class Achievements {

    private Achievements() {
    }

    /**
     * A number with a comparator. The target is checked before the value, so a target that cannot be scored is
     * NOT_SCORED even before any actual arrives.
     */
    public static Outcome versusTarget(MeasureValue measured, Relation relation, BigDecimal target, BigDecimal cap,
                                       Derivation trace) {
        if (relation == Relation.EQUAL) {
            return inBand(measured, target, target, trace);
        }
        if (target.signum() < 0) {
            trace.add("target " + format(target) + " is negative: no meaningful ratio");
            return Outcome.notScored(Flag.NEGATIVE_TARGET);
        }
        if (!relation.lowerIsBetter() && target.signum() == 0) {
            trace.add("target 0 with higher is better: nothing planned");
            return Outcome.notScored(Flag.ZERO_TARGET);
        }
        if (!measured.isPresent()) {
            return measured.unavailable();
        }
        BigDecimal v = measured.value();
        boolean met = relation.holds(v, target);
        BigDecimal a;
        if (!relation.lowerIsBetter()) {
            a = divide(v, target);
            trace.add("achievement = " + format(v) + " / " + format(target) + " = " + format(a));
        } else if (target.signum() == 0) {
            // A zero ceiling has no ratio: it holds or it does not. A value below 0 (e.g. negative growth) holds.
            a = v.signum() <= 0 ? BigDecimal.ONE : BigDecimal.ZERO;
            trace.add("achievement = " + format(a) + " (value " + format(v) + " against a ceiling of 0)");
        } else if (v.signum() <= 0) {
            // target / 0 is undefined; nothing can do better than 0 under a ceiling.
            a = cap;
            trace.add("achievement = cap " + format(cap) + " (value " + format(v) + " under a ceiling of "
                    + format(target) + ")");
        } else {
            a = divide(target, v);
            trace.add("achievement = " + format(target) + " / " + format(v) + " = " + format(a));
        }
        return Outcome.achieved(a, met);
    }

    /** A band [lo, hi]: 1 inside, v / lo below, hi / v above. */
    public static Outcome inBand(MeasureValue measured, BigDecimal lo, BigDecimal hi, Derivation trace) {
        if (!measured.isPresent()) {
            return measured.unavailable();
        }
        BigDecimal v = measured.value();
        String band = "[" + format(lo) + ", " + format(hi) + "]";
        if (v.compareTo(lo) < 0) {
            BigDecimal a = lo.signum() > 0 ? divide(v, lo) : BigDecimal.ZERO;
            trace.add("achievement = " + format(v) + " / " + format(lo) + " = " + format(a) + " (below " + band + ")");
            return Outcome.achieved(a, false);
        }
        if (v.compareTo(hi) > 0) {
            BigDecimal a = v.signum() > 0 ? divide(hi, v) : BigDecimal.ZERO;
            trace.add("achievement = " + format(hi) + " / " + format(v) + " = " + format(a) + " (above " + band + ")");
            return Outcome.achieved(a, false);
        }
        trace.add("achievement = 1 (" + format(v) + " inside " + band + ")");
        return Outcome.achieved(BigDecimal.ONE, true);
    }

    /**
     * ↑ or ↓ against a baseline b: met only when strictly better; otherwise v / b (↑) or b / v (↓), so equality
     * gives 1 without being met.
     */
    public static Outcome versusBaseline(MeasureValue measured, Direction direction, BigDecimal baseline,
                                         Derivation trace) {
        if (!measured.isPresent()) {
            return measured.unavailable();
        }
        BigDecimal v = measured.value();
        boolean increase = direction == Direction.INCREASE;
        boolean met = increase ? v.compareTo(baseline) > 0 : v.compareTo(baseline) < 0;
        String comparison = format(v) + (increase ? " > " : " < ") + format(baseline);
        if (met) {
            trace.add("achievement = 1 (" + comparison + " holds)");
            return Outcome.achieved(BigDecimal.ONE, true);
        }
        BigDecimal numerator = increase ? v : baseline;
        BigDecimal denominator = increase ? baseline : v;
        BigDecimal a;
        if (denominator.signum() > 0) {
            a = divide(numerator, denominator);
        } else {
            // No ratio to a non-positive base: equal is as good as the base, anything else is not.
            a = v.compareTo(baseline) == 0 ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        trace.add("achievement = " + format(numerator) + " / " + format(denominator) + " = " + format(a) + " ("
                + comparison + " does not hold)");
        return Outcome.achieved(a, false);
    }
}
