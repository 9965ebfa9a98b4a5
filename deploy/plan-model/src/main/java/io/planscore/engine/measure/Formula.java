package io.planscore.engine.measure;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * A formula indicator's expression over component symbols, with named constants ({@code K = 12000}) and derived
 * components ({@code B = B1 + B2}, used when B itself is not posted).
 */
public record Formula(Expression expression, Map<String, BigDecimal> constants, Map<String, Expression> derived) {

    public Formula {
        constants = Map.copyOf(constants);
        derived = Map.copyOf(derived);
    }

    public static Formula parse(String expression) {
        return new Formula(Expression.parse(expression), Map.of(), Map.of());
    }

    public Formula withConstant(String symbol, BigDecimal value) {
        Map<String, BigDecimal> more = new HashMap<>(constants);
        more.put(symbol, value);
        return new Formula(expression, more, derived);
    }

    public Formula withDerived(String symbol, String expressionText) {
        Map<String, Expression> more = new HashMap<>(derived);
        more.put(symbol, Expression.parse(expressionText));
        return new Formula(expression, constants, more);
    }
}
