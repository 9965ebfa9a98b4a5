package io.planscore.scoring.engine.measure;

/** A formula that is not a valid arithmetic expression. */
public class ExpressionException extends IllegalArgumentException {
    public ExpressionException(String message) {
        super(message);
    }
}
