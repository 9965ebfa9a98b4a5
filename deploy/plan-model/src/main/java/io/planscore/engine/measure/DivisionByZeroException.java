package io.planscore.engine.measure;

/** A formula's denominator evaluated to 0 (§2.3: NOT_SCORED, flag DIVISION_BY_ZERO). */
public class DivisionByZeroException extends ArithmeticException {
    public DivisionByZeroException(String denominator) {
        super("denominator " + denominator + " is 0");
    }
}
