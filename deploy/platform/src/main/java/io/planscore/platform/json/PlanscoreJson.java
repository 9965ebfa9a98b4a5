package io.planscore.platform.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Numbers are read as exact decimals, never binary doubles: a target of 8.5 or a value of 99.7 must
 * survive storage, events and export unchanged, and scores are computed in decimal arithmetic.
 *
 * <p>What is read is bounded before any of it is converted: a number of at most {@value #MAX_NUMBER_LENGTH}
 * characters and at most {@value #MAX_NESTING_DEPTH} nested objects and arrays; beyond that the body is
 * a 400. (A short number may still carry a huge exponent, {@code 1e999999999}: whoever turns a number
 * into digits checks its scale first.) A tree that cannot be read fails naming the field, see
 * {@link BoundedTreeDeserializer}.
 */
@Singleton
public class PlanscoreJson implements ObjectMapperCustomizer {

    public static final int MAX_NUMBER_LENGTH = 100;
    public static final int MAX_NESTING_DEPTH = 100;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build());
        mapper.registerModule(new SimpleModule("planscore-bounded-trees")
                .addDeserializer(JsonNode.class, new BoundedTreeDeserializer()));
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION.mappedFeature());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }
}
