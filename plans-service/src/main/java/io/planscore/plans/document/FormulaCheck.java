package io.planscore.plans.document;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks an indicator's {@code formula}: operands, constants and derived components, and an expression
 * that parses (numbers, symbols, {@code + - * / × ÷}, parentheses) and names only known symbols.
 */
final class FormulaCheck {

    private FormulaCheck() {
    }

    static void check(JsonNode formula, String path, DocumentValidator.Run run) {
        if (formula == null || formula.isNull()) {
            return;
        }
        if (!formula.isObject()) {
            run.error(path, "TYPE", "formula must be an object {text, operands, expression, result_unit} or null.");
            return;
        }
        run.unknownFields(formula, path, Set.of("text", "operands", "constants", "derived", "expression",
                "result_unit", "aggregation", "period_cutoff", "note"));
        run.optionalString(formula, "text", path + ".text", true);
        run.optionalString(formula, "result_unit", path + ".result_unit", true);
        Set<String> symbols = new LinkedHashSet<>();
        JsonNode operands = formula.get("operands");
        if (operands == null || operands.isNull()) {
            run.error(path + ".operands", "REQUIRED", "operands is required: the symbols of the components (A, B, …).");
        } else if (!operands.isObject()) {
            run.error(path + ".operands", "TYPE", "operands must be an object of symbol → component name.");
        } else {
            operands.fields().forEachRemaining(e -> {
                symbol(e.getKey(), path + ".operands." + e.getKey(), run);
                if (!e.getValue().isTextual()) {
                    run.error(path + ".operands." + e.getKey(), "TYPE", "an operand names its component: a string.");
                }
                symbols.add(e.getKey());
            });
        }
        JsonNode constants = formula.get("constants");
        if (constants != null && !constants.isNull()) {
            if (!constants.isObject()) {
                run.error(path + ".constants", "TYPE", "constants must be an object of symbol → number.");
            } else {
                constants.fields().forEachRemaining(e -> {
                    symbol(e.getKey(), path + ".constants." + e.getKey(), run);
                    if (!e.getValue().isNumber()) {
                        run.error(path + ".constants." + e.getKey(), "TYPE", "a constant must be a number.");
                    }
                    symbols.add(e.getKey());
                });
            }
        }
        JsonNode derived = formula.get("derived");
        List<String[]> derivedExpressions = new ArrayList<>();
        if (derived != null && !derived.isNull()) {
            if (!derived.isObject()) {
                run.error(path + ".derived", "TYPE", "derived must be an object of symbol → expression.");
            } else {
                derived.fields().forEachRemaining(e -> {
                    symbol(e.getKey(), path + ".derived." + e.getKey(), run);
                    symbols.add(e.getKey());
                    if (!e.getValue().isTextual()) {
                        run.error(path + ".derived." + e.getKey(), "TYPE", "a derived component is an expression string.");
                    } else {
                        derivedExpressions.add(new String[]{e.getKey(), e.getValue().asText()});
                    }
                });
            }
        }
        for (String[] d : derivedExpressions) {
            expression(d[1], path + ".derived." + d[0], symbols, run);
        }
        JsonNode expression = formula.get("expression");
        if (expression == null || expression.isNull()) {
            run.error(path + ".expression", "REQUIRED", "expression is required, e.g. \"A / B * 100\".");
        } else if (!expression.isTextual()) {
            run.error(path + ".expression", "TYPE", "expression must be a string.");
        } else {
            expression(expression.asText(), path + ".expression", symbols, run);
        }
    }

    private static void symbol(String name, String path, DocumentValidator.Run run) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            run.error(path, "INVALID_SYMBOL", "'" + name + "' is not a symbol (a letter, then letters, digits or _).");
        }
    }

    private static void expression(String text, String path, Set<String> symbols, DocumentValidator.Run run) {
        try {
            Expression.Node node = Expression.parse(text);
            Set<String> unknown = new LinkedHashSet<>(node.symbols());
            unknown.removeAll(symbols);
            for (String name : unknown) {
                run.error(path, "UNKNOWN_OPERAND", "the expression \"" + text + "\" names '" + name
                        + "', which is not among the operands, constants or derived components " + symbols + ".");
            }
        } catch (Expression.SyntaxException e) {
            run.error(path, "FORMULA_SYNTAX", "the expression \"" + text + "\" does not parse: " + e.getMessage() + ".");
        }
    }
}
