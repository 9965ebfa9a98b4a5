package io.planscore.engine;

import io.planscore.engine.measure.DivisionByZeroException;
import io.planscore.engine.measure.Expression;
import io.planscore.engine.measure.ExpressionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Map;

import static io.planscore.engine.Plans.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The safe arithmetic evaluator behind formula indicators. */
class ExpressionTest {

    private static final Map<String, BigDecimal> VALUES =
            Map.of("A", d("30"), "B", d("40"), "C", d("10"), "D", d("100"), "K", d("12000"), "B1", d("5"));

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "A / B * 100 | 75",
            "(A + B + C * 0.5) / D * 100 | 75",
            "A / (B - C) * 100 | 100",
            "(1 - A / B) * 100 | 25",
            "(A - B) / B * 100 | -25",
            "A / (B * 0.10) * 100 | 750",
            "A ÷ B × 100 | 75",
            "-A + B | 10",
            "A - -B | 70",
            "B1 * 2 | 10",
            "2 + 3 * 4 | 14",
            "(2 + 3) * 4 | 20",
            "A - B - C | -20",
            "D / C / 2 | 5"})
    void evaluates_with_precedence(String text, String expected) {
        assertThat(Expression.parse(text).evaluate(VALUES::get)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A / B * 100 | A / B * 100",
            "A / (B - C) * 100 | A / (B - C) * 100",
            "(A + B) / C | (A + B) / C",
            "A - (B - C) | A - (B - C)",
            "(A - B) - C | A - B - C",
            "A ÷ B × 100 | A / B * 100"})
    void renders_with_minimal_parentheses(String text, String rendered) {
        Expression expression = Expression.parse(text);

        assertThat(expression.render(s -> s)).isEqualTo(rendered);
        assertThat(Expression.parse(rendered)).isEqualTo(expression);
    }

    @Test
    void lists_symbols_in_order_of_appearance() {
        assertThat(Expression.parse("(A + B + C * 0.5) / D * 100").symbols()).containsExactly("A", "B", "C", "D");
    }

    @Test
    void a_zero_denominator_raises_division_by_zero() {
        assertThatThrownBy(() -> Expression.parse("A / (C - C)").evaluate(VALUES::get))
                .isInstanceOf(DivisionByZeroException.class)
                .hasMessage("denominator C - C is 0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"A +", "(A + B", "A B", "A ^ 2", "''", "1..2", "A / B)", "1. + A"})
    void rejects_anything_but_arithmetic(String text) {
        assertThatThrownBy(() -> Expression.parse(text)).isInstanceOf(ExpressionException.class);
    }

    /** plans-service shows these reasons in its 422 (FORMULA_SYNTAX), so they are worded for the plan's author. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "A +        | it ends where an operand is expected",
            "(A + B     | a '(' is not closed",
            "A B        | unexpected 'B' at position 3",
            "A ^ 2      | unexpected '^' at position 3",
            "1..2 * A   | '1..2' is not a number",
            "A / B)     | unexpected ')' at position 6"})
    void says_why_an_expression_does_not_parse(String text, String problem) {
        assertThatThrownBy(() -> Expression.parse(text)).isInstanceOf(ExpressionException.class)
                .extracting(e -> ((ExpressionException) e).problem()).isEqualTo(problem);
    }

    @Test
    void reads_the_minus_sign_and_symbols_that_start_with_an_underscore() {
        Map<String, BigDecimal> values = Map.of("A", d("30"), "_B", d("10"));
        assertThat(Expression.parse("A − _B").evaluate(values::get)).isEqualByComparingTo("20");
        assertThat(Expression.parse("−A × 2 ÷ _B").evaluate(values::get)).isEqualByComparingTo("-6");
    }
}
