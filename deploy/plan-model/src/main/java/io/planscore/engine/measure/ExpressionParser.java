package io.planscore.engine.measure;

import io.planscore.engine.measure.Expression.Literal;
import io.planscore.engine.measure.Expression.Negation;
import io.planscore.engine.measure.Expression.Operation;
import io.planscore.engine.measure.Expression.Operator;
import io.planscore.engine.measure.Expression.Reference;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The one grammar of plan formulas, used by the engine to evaluate them and by plans-service to check them:
 * sum := product (± product)*, product := unary (×÷ unary)*, unary := ±unary | primary, primary := number |
 * symbol | ( sum ). {@code ×}, {@code ÷} and the minus sign {@code −} stand for {@code *}, {@code /} and {@code -};
 * a number is digits with at most one decimal point, a symbol a letter or {@code _} then letters, digits or {@code _}.
 */
final class ExpressionParser {

    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");

    private final String text;
    private int pos;

    ExpressionParser(String text) {
        this.text = text == null ? "" : text;
    }

    Expression parse() {
        Expression expression = sum();
        skipSpaces();
        if (pos < text.length()) {
            throw unexpected();
        }
        return expression;
    }

    private Expression sum() {
        Expression left = product();
        while (true) {
            if (accept('+')) {
                left = new Operation(Operator.ADD, left, product());
            } else if (accept('-') || accept('−')) {
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
        if (accept('-') || accept('−')) {
            return new Negation(unary());
        }
        if (accept('+')) {
            return unary();
        }
        return primary();
    }

    private Expression primary() {
        skipSpaces();
        if (pos == text.length()) {
            throw error("it ends where an operand is expected");
        }
        if (accept('(')) {
            Expression inner = sum();
            if (!accept(')')) {
                throw error("a '(' is not closed");
            }
            return inner;
        }
        int start = pos;
        char first = text.charAt(pos);
        if (Character.isDigit(first) || first == '.') {
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            String number = text.substring(start, pos);
            if (!NUMBER.matcher(number).matches()) {
                throw error("'" + number + "' is not a number");
            }
            return new Literal(new BigDecimal(number));
        }
        if (Character.isLetter(first) || first == '_') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return new Reference(text.substring(start, pos));
        }
        throw unexpected();
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

    private ExpressionException unexpected() {
        return error("unexpected '" + text.charAt(pos) + "' at position " + (pos + 1));
    }

    private ExpressionException error(String problem) {
        return new ExpressionException(text, problem);
    }
}
