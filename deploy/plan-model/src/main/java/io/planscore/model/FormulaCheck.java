package io.planscore.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.engine.measure.Expression;
import io.planscore.engine.measure.ExpressionException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks an indicator's {@code formula}: operands, constants and derived components, and an expression that
 * parses with the engine's own grammar ({@link Expression}) and names only known symbols, so a formula that
 * passes is one the engine evaluates.
 */
public final class FormulaCheck {

    /** The fields of a formula object; others are kept as they are. */
    public static final Set<String> FIELDS = Set.of("text", "operands", "constants", "derived", "expression",
            "result_unit", "aggregation", "period_cutoff", "note");

    private FormulaCheck() {
    }

    public static void check(JsonNode formula, String path, Problems problems) {
        if (formula == null || formula.isNull()) {
            return;
        }
        if (!formula.isObject()) {
            problems.add(path, "TYPE", "formula must be an object {text, operands, expression, result_unit} or null.");
            return;
        }
        DocumentFields.optionalString(formula, "text", path + ".text", true, problems);
        DocumentFields.optionalString(formula, "result_unit", path + ".result_unit", true, problems);
        Set<String> symbols = new LinkedHashSet<>();
        JsonNode operands = formula.get("operands");
        if (operands == null || operands.isNull()) {
            problems.add(path + ".operands", "REQUIRED", "operands is required: the symbols of the components (A, B, …).");
        } else if (!operands.isObject()) {
            problems.add(path + ".operands", "TYPE", "operands must be an object of symbol → component name.");
        } else {
            operands.fields().forEachRemaining(e -> {
                symbol(e.getKey(), path + ".operands." + e.getKey(), problems);
                if (!e.getValue().isTextual()) {
                    problems.add(path + ".operands." + e.getKey(), "TYPE", "an operand names its component: a string.");
                }
                symbols.add(e.getKey());
            });
        }
        JsonNode constants = formula.get("constants");
        if (constants != null && !constants.isNull()) {
            if (!constants.isObject()) {
                problems.add(path + ".constants", "TYPE", "constants must be an object of symbol → number.");
            } else {
                constants.fields().forEachRemaining(e -> {
                    symbol(e.getKey(), path + ".constants." + e.getKey(), problems);
                    if (!e.getValue().isNumber()) {
                        problems.add(path + ".constants." + e.getKey(), "TYPE", "a constant must be a number.");
                    }
                    symbols.add(e.getKey());
                });
            }
        }
        JsonNode derived = formula.get("derived");
        List<String[]> derivedExpressions = new ArrayList<>();
        if (derived != null && !derived.isNull()) {
            if (!derived.isObject()) {
                problems.add(path + ".derived", "TYPE", "derived must be an object of symbol → expression.");
            } else {
                derived.fields().forEachRemaining(e -> {
                    symbol(e.getKey(), path + ".derived." + e.getKey(), problems);
                    symbols.add(e.getKey());
                    if (!e.getValue().isTextual()) {
                        problems.add(path + ".derived." + e.getKey(), "TYPE", "a derived component is an expression string.");
                    } else {
                        derivedExpressions.add(new String[]{e.getKey(), e.getValue().asText()});
                    }
                });
            }
        }
        for (String[] d : derivedExpressions) {
            expression(d[1], path + ".derived." + d[0], symbols, problems);
        }
        JsonNode expression = formula.get("expression");
        if (expression == null || expression.isNull()) {
            problems.add(path + ".expression", "REQUIRED", "expression is required, e.g. \"A / B * 100\".");
        } else if (!expression.isTextual()) {
            problems.add(path + ".expression", "TYPE", "expression must be a string.");
        } else {
            expression(expression.asText(), path + ".expression", symbols, problems);
        }
    }

    private static void symbol(String name, String path, Problems problems) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            problems.add(path, "INVALID_SYMBOL", "'" + name + "' is not a symbol (a letter, then letters, digits or _).");
        }
    }

    private static void expression(String text, String path, Set<String> symbols, Problems problems) {
        try {
            Expression node = Expression.parse(text);
            Set<String> unknown = new LinkedHashSet<>(node.symbols());
            unknown.removeAll(symbols);
            for (String name : unknown) {
                problems.add(path, "UNKNOWN_OPERAND", "the expression \"" + text + "\" names '" + name
                        + "', which is not among the operands, constants or derived components " + symbols + ".");
            }
        } catch (ExpressionException e) {
            problems.add(path, "FORMULA_SYNTAX", "the expression \"" + text + "\" does not parse: " + e.problem() + ".");
        }
    }
}
