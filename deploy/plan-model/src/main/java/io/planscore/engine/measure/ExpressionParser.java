package io.planscore.engine.measure;

import io.planscore.engine.measure.Expression.Literal;
import io.planscore.engine.measure.Expression.Negation;
import io.planscore.engine.measure.Expression.Operation;
import io.planscore.engine.measure.Expression.Operator;
import io.planscore.engine.measure.Expression.Reference;

import java.math.BigDecimal;

/** Recursive-descent parser: sum := product (± product)*, product := unary (×÷ unary)*, unary := -unary | primary. */
final class ExpressionParser {

    private final String text;
    private int pos;

    ExpressionParser(String text) {
        this.text = text == null ? "" : text;
    }

    Expression parse() {
        Expression expression = sum();
        skipSpaces();
        if (pos < text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        return expression;
    }

    private Expression sum() {
        Expression left = product();
        while (true) {
            if (accept('+')) {
                left = new Operation(Operator.ADD, left, product());
            } else if (accept('-')) {
                left = new Operation(Operator.SUBTRACT, left, product());
            } else {
                return left;
            }
        }
    }

    private Expression product() {
        Expression left = unary();
        while (true) {
            if (accept('*') || accept('×')) {
                left = new Operation(Operator.MULTIPLY, left, unary());
            } else if (accept('/') || accept('÷')) {
                left = new Operation(Operator.DIVIDE, left, unary());
            } else {
                return left;
            }
        }
    }

    private Expression unary() {
        if (accept('-')) {
            return new Negation(unary());
        }
        if (accept('+')) {
            return unary();
        }
        return primary();
    }

    private Expression primary() {
        if (accept('(')) {
            Expression inner = sum();
            if (!accept(')')) {
                throw error("missing ')'");
            }
            return inner;
        }
        skipSpaces();
        int start = pos;
        if (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            try {
                return new Literal(new BigDecimal(text.substring(start, pos)));
            } catch (NumberFormatException e) {
                throw error("bad number '" + text.substring(start, pos) + "'");
            }
        }
        if (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return new Reference(text.substring(start, pos));
        }
        throw error(pos < text.length() ? "unexpected '" + text.charAt(pos) + "'" : "unexpected end");
    }

    private boolean accept(char c) {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private ExpressionException error(String problem) {
        return new ExpressionException("Cannot parse expression '" + text + "' at " + pos + ": " + problem);
    }
}
