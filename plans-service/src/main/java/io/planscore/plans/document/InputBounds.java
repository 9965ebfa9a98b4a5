package io.planscore.plans.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.platform.json.PlanscoreJson;
import io.planscore.platform.problem.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What plans-service keeps must be storable and readable back: PostgreSQL text and jsonb cannot hold
 * U+0000, and a number such as {@code 1e10000} is short to send but cannot be written as plain digits
 * (nor read back within {@link PlanscoreJson#MAX_NUMBER_LENGTH}).
 */
public final class InputBounds {

    /** The longest text a document field, a key or an approval justification may hold. */
    public static final int MAX_TEXT = 10_000;

    private InputBounds() {
    }

    /** Every text, key and number of a JSON body that cannot be kept, each named by its path. */
    public static List<FieldError> check(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        check(body, "", errors);
        return errors;
    }

    /** Adds an error when {@code text} holds U+0000 or is longer than {@code maxLength}. */
    public static void checkText(String field, String text, int maxLength, List<FieldError> errors) {
        if (text == null) {
            return;
        }
        if (text.indexOf('\0') >= 0) {
            errors.add(new FieldError(field, "NUL_CHARACTER", field + " contains U+0000, which text cannot hold."));
        } else if (text.length() > maxLength) {
            errors.add(new FieldError(field, "TOO_LONG", field + " is longer than " + maxLength + " characters."));
        }
    }

    /** @param path as the validator names fields, {@code goals[3].indicators[1].name}; "" for the root */
    private static void check(JsonNode node, String path, List<FieldError> errors) {
        String field = path.isEmpty() ? "$" : path;
        if (node.isTextual()) {
            checkText(field, node.textValue(), MAX_TEXT, errors);
        } else if (node.isNumber() && !fitsPlainDigits(node.decimalValue())) {
            errors.add(new FieldError(field, "NUMBER_OUT_OF_RANGE", field + " " + node.decimalValue()
                    + " has more than " + PlanscoreJson.MAX_NUMBER_LENGTH + " digits written out."));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", errors);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext(); ) {
                Map.Entry<String, JsonNode> member = members.next();
                String key = member.getKey();
                boolean keyKept = key.indexOf('\0') < 0 && key.length() <= MAX_TEXT;
                String at = (path.isEmpty() ? "" : path + ".") + (keyKept ? key : "?");
                if (!keyKept) {
                    checkText("a key of " + field, key, MAX_TEXT, errors);
                }
                check(member.getValue(), at, errors);
            }
        }
    }

    /** Checked on precision and scale, before any digits are produced. */
    private static boolean fitsPlainDigits(BigDecimal number) {
        return number.precision() + Math.abs((long) number.scale()) + 2 <= PlanscoreJson.MAX_NUMBER_LENGTH;
    }
}
