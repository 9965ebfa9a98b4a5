package io.planscore.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/** Null-tolerant field access; numbers are read from their text so 0.6 stays exactly 0.6. */
final class Json {

    private Json() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? new BigDecimal(value.asText()) : null;
    }

    static boolean flag(JsonNode node, String field, boolean otherwise) {
        JsonNode value = node.path(field);
        return value.isBoolean() ? value.booleanValue() : otherwise;
    }
}
