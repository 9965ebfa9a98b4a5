package io.planscore.model;

import com.fasterxml.jackson.databind.JsonNode;

/** The checks of a single text field of a plan document, with the same codes and wording wherever a field is read. */
public final class DocumentFields {

    private DocumentFields() {
    }

    /** The field's text, or null after reporting it missing, blank or not a string. */
    public static String requiredText(JsonNode node, String field, String path, Problems problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            problems.add(path, "REQUIRED", field + " is required.");
            return null;
        }
        if (!value.isTextual()) {
            problems.add(path, "TYPE", field + " must be a string, not " + value.getNodeType().name().toLowerCase() + ".");
            return null;
        }
        if (value.asText().isBlank()) {
            problems.add(path, "REQUIRED", field + " must not be blank.");
            return null;
        }
        return value.asText();
    }

    /** The field's text, or null when it is absent (or null and {@code nullable}) or, reported, not a string. */
    public static String optionalString(JsonNode node, String field, String path, boolean nullable, Problems problems) {
        JsonNode value = node.get(field);
        if (value == null || (value.isNull() && nullable)) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(path, "TYPE", field + " must be a string" + (nullable ? " or null" : "") + ".");
            return null;
        }
        return value.asText();
    }
}
