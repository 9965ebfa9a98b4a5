package io.planscore.engine.measure;

import io.planscore.engine.calc.Decimals;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed arithmetic expression over operand symbols and numbers: {@code + - * / × ÷}, unary minus and
 * parentheses. Nothing else can be expressed, so evaluating a plan's formula is safe.
 */
public sealed interface Expression {

    static Expression parse(String text) {
        return new ExpressionParser(text).parse();
    }

    /** Evaluates with the given symbol values; throws {@link DivisionByZeroException} on a zero denominator. */
    BigDecimal evaluate(Function<String, BigDecimal> values);

    /** Renders the expression with each symbol replaced, e.g. by its value for a derivation step. */
    String render(Function<String, String> symbolText);

    /** Symbols in order of first appearance. */
    default Set<String> symbols() {
        Set<String> symbols = new LinkedHashSet<>();
        render(symbol -> {
            symbols.add(symbol);
            return symbol;
        });
        return symbols;
    }

    int precedence();

    record Literal(BigDecimal value) implements Expression {
        public BigDecimal evaluate(Function<String, BigDecimal> values) {
            return value;
        }

        public String render(Function<String, String> symbolText) {
            return Decimals.format(value);
        }

        public int precedence() {
            return 4;
        }
    }

    record Reference(String symbol) implements Expression {
        public BigDecimal evaluate(Function<String, BigDecimal> values) {
            return values.apply(symbol);
        }

        public String render(Function<String, String> symbolText) {
            return symbolText.apply(symbol);
        }

        public int precedence() {
            return 4;
        }
    }

    record Negation(Expression operand) implements Expression {
        public BigDecimal evaluate(Function<String, BigDecimal> values) {
            return operand.evaluate(values).negate();
        }

        public String render(Function<String, String> symbolText) {
            String inner = operand.render(symbolText);
            return "-" + (operand.precedence() < precedence() ? "(" + inner + ")" : inner);
        }

        public int precedence() {
            return 3;
        }
    }

    record Operation(Operator operator, Expression left, Expression right) implements Expression {
        public BigDecimal evaluate(Function<String, BigDecimal> values) {
            BigDecimal l = left.evaluate(values);
            BigDecimal r = right.evaluate(values);
            return switch (operator) {
                case ADD -> l.add(r);
                case SUBTRACT -> l.subtract(r);
                case MULTIPLY -> l.multiply(r);
                case DIVIDE -> {
                    if (r.signum() == 0) {
                        throw new DivisionByZeroException(right.render(symbol -> symbol));
                    }
                    yield Decimals.divide(l, r);
                }
            };
        }

        public String render(Function<String, String> symbolText) {
            String l = left.render(symbolText);
            String r = right.render(symbolText);
            // The right operand keeps its parentheses at equal precedence: a - (b - c), a / (b * c).
            return (left.precedence() < precedence() ? "(" + l + ")" : l)
                    + " " + operator.symbol + " "
                    + (right.precedence() <= precedence() ? "(" + r + ")" : r);
        }

        public int precedence() {
            return operator.precedence;
        }
    }

    enum Operator {
        ADD("+", 1),
        SUBTRACT("-", 1),
        MULTIPLY("*", 2),
        DIVIDE("/", 2);

        private final String symbol;
        private final int precedence;

        Operator(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }
    }
}
