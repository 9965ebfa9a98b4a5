package io.planscore.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;

/**
 * Jackson's tree reader, but a number it cannot convert or nesting beyond the limit fails naming the
 * field: Jackson itself throws a bare NumberFormatException (no location) for {@code 1e2147483648}, and
 * a constraint error without a path for a 999-deep object.
 */
class BoundedTreeDeserializer extends StdDeserializer<JsonNode> {

    private final transient JsonDeserializer<? extends JsonNode> tree = JsonNodeDeserializer.getDeserializer(JsonNode.class);

    BoundedTreeDeserializer() {
        super(JsonNode.class);
    }

    @Override
    public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        try {
            return tree.deserialize(parser, context);
        } catch (NumberFormatException e) {
            throw new UnreadableJsonException(parser, "NUMBER_OUT_OF_RANGE",
                    "the number '" + shortText(parser) + "' cannot be read: its exponent is out of range", e);
        } catch (StreamConstraintsException e) {
            throw new UnreadableJsonException(parser, "TOO_DEEP", "objects and arrays nest deeper than "
                    + PlanscoreJson.MAX_NESTING_DEPTH + " levels, or a number is longer than "
                    + PlanscoreJson.MAX_NUMBER_LENGTH + " characters", e);
        }
    }

    @Override
    public JsonNode getNullValue(DeserializationContext context) throws JsonMappingException {
        return tree.getNullValue(context);
    }

    private static String shortText(JsonParser parser) {
        try {
            String text = parser.getText();
            return text == null || text.length() <= 40 ? text : text.substring(0, 40) + "…";
        } catch (IOException unreadable) {
            return "?";
        }
    }
}
