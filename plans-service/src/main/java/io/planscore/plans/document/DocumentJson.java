package io.planscore.plans.document;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;

/**
 * Reads and writes plan documents losslessly: decimals exactly as written (no binary doubles, trailing
 * zeros kept: {@code 8.50} stays {@code 8.50}), key order kept, duplicate keys rejected (a document
 * with a key twice has no single meaning, and a JSONB copy would silently keep only the last).
 */
@ApplicationScoped
public class DocumentJson {

    private final ObjectMapper mapper;

    public DocumentJson(ObjectMapper applicationMapper) {
        this.mapper = applicationMapper.copy()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** Parses a body; malformed JSON throws {@link com.fasterxml.jackson.core.JsonParseException} (→ 400). */
    public JsonNode parse(String text) throws JsonProcessingException {
        JsonNode node = mapper.readTree(text);
        if (node == null || node.isMissingNode()) {
            throw new com.fasterxml.jackson.core.JsonParseException(null, "The body is empty");
        }
        return node;
    }

    public JsonNode parseStored(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String writePretty(JsonNode node) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The typed view; only call on a validated document. */
    public PlanDocument bind(JsonNode node) {
        try {
            return mapper.treeToValue(node, PlanDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A validated document does not bind: " + e.getOriginalMessage(), e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
