package io.planscore.engine.calc;

import java.math.BigDecimal;
import java.math.MathContext;

/** Exact decimal helpers: every division uses DECIMAL128, everything else stays exact. */
public final class Decimals {

    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {
    }

    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, MathContext.DECIMAL128);
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static BigDecimal clamp(BigDecimal value, BigDecimal lowest, BigDecimal highest) {
        return min(max(value, lowest), highest);
    }

    public static boolean atLeast(BigDecimal value, BigDecimal bound) {
        return value.compareTo(bound) >= 0;
    }

    /** Plain notation without trailing zeros, for derivation steps: 1.20 → "1.2", 1E+1 → "10". */
    public static String format(BigDecimal value) {
        return value == null ? "–" : value.stripTrailingZeros().toPlainString();
    }
}
