package io.planscore.plans.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.platform.json.PlanscoreJson;
import io.planscore.platform.problem.Bounds;
import io.planscore.platform.problem.FieldError;

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

    private InputBounds() {
    }

    /** Every text, key and number of a JSON body that cannot be kept, each named by its path. */
    public static List<FieldError> check(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        check(body, "", errors);
        return errors;
    }

    /** @param path as the validator names fields, {@code goals[3].indicators[1].name}; "" for the root */
    private static void check(JsonNode node, String path, List<FieldError> errors) {
        String field = path.isEmpty() ? "$" : path;
        if (node.isTextual()) {
            Bounds.checkText(field, node.textValue(), Bounds.MAX_TEXT, errors);
        } else if (node.isNumber()) {
            Bounds.checkNumber(field, node.decimalValue(), errors);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", errors);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext(); ) {
                Map.Entry<String, JsonNode> member = members.next();
                String key = member.getKey();
                boolean keyKept = key.indexOf('\0') < 0 && key.length() <= Bounds.MAX_TEXT;
                String at = (path.isEmpty() ? "" : path + ".") + (keyKept ? key : "?");
                if (!keyKept) {
                    Bounds.checkText("a key of " + field, key, Bounds.MAX_TEXT, errors);
                }
                check(member.getValue(), at, errors);
            }
        }
    }
}
