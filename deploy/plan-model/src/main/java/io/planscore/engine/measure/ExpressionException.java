package io.planscore.engine.measure;

/** A formula that is not a valid arithmetic expression. */
public class ExpressionException extends IllegalArgumentException {
    public ExpressionException(String message) {
        super(message);
    }
}
