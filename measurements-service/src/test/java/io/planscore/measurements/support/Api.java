package io.planscore.measurements.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.infra.TestIdentities;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

/** REST calls as the gateway makes them: with a signed identity of {@link TestIdentities}. */
public final class Api {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Api() {
    }

    public static RequestSpecification admin() {
        return TestIdentities.asAdmin();
    }

    public static RequestSpecification agency(String agencyId) {
        return TestIdentities.asAgency(agencyId);
    }

    public static ValidatableResponse post(RequestSpecification as, Object body) {
        return as.contentType(ContentType.JSON).body(body instanceof String s ? s : write(body))
                .post("/api/v1/measurements").then();
    }

    public static ObjectNode event(String planId, String indicatorId, String period, Object value) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("planId", planId);
        event.put("indicatorId", indicatorId);
        event.put("period", period);
        if (value != null) {
            event.set("value", MAPPER.valueToTree(value));
        }
        return event;
    }

    public static ObjectNode batch(ObjectNode... events) {
        ObjectNode batch = MAPPER.createObjectNode();
        var array = batch.putArray("events");
        for (ObjectNode e : events) {
            array.add(e);
        }
        return batch;
    }

    public static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> map(ObjectNode node) {
        return MAPPER.convertValue(node, Map.class);
    }
}
