package io.planscore.engine.calc;

import java.math.BigDecimal;

/** A target comparator (§1): {@code >=}, {@code >}, {@code <=}, {@code <} or {@code =}. */
public enum Relation {
    AT_LEAST("≥"),
    ABOVE(">"),
    AT_MOST("≤"),
    BELOW("<"),
    EQUAL("=");

    private final String symbol;

    Relation(String symbol) {
        this.symbol = symbol;
    }

    /** Reads {@code >=}, {@code ≥}, {@code >}, {@code <=}, {@code ≤}, {@code <}, {@code =} or {@code ==}; null for anything else. */
    public static Relation parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip()) {
            case ">=", "≥" -> AT_LEAST;
            case ">" -> ABOVE;
            case "<=", "≤" -> AT_MOST;
            case "<" -> BELOW;
            case "=", "==" -> EQUAL;
            default -> null;
        };
    }

    public String symbol() {
        return symbol;
    }

    public boolean lowerIsBetter() {
        return this == AT_MOST || this == BELOW;
    }

    public boolean holds(BigDecimal value, BigDecimal target) {
        int c = value.compareTo(target);
        return switch (this) {
            case AT_LEAST -> c >= 0;
            case ABOVE -> c > 0;
            case AT_MOST -> c <= 0;
            case BELOW -> c < 0;
            case EQUAL -> c == 0;
        };
    }
}
