package io.planscore.engine.rules;

import io.planscore.engine.calc.Decimals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Renders rule definitions uniformly: {@code type{key=value, ...}}; null parameters are left out. */
final class RuleText {

    private RuleText() {
    }

    static String definition(String type, Object... keysAndValues) {
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                parameters.add(keysAndValues[i] + "=" + render(value));
            }
        }
        return type + "{" + String.join(", ", parameters) + "}";
    }

    private static String render(Object value) {
        if (value instanceof BigDecimal number) {
            return Decimals.format(number);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(RuleText::render).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    static BigDecimal positive(BigDecimal value, String name) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }

    static BigDecimal present(BigDecimal value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
