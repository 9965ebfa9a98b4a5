package io.planscore.engine.measure;

/** A formula that is not a valid arithmetic expression; {@link #problem()} says why, in words a plan author reads. */
public class ExpressionException extends IllegalArgumentException {

    private final String problem;

    public ExpressionException(String text, String problem) {
        super("Cannot parse expression '" + text + "': " + problem);
        this.problem = problem;
    }

    public String problem() {
        return problem;
    }
}
