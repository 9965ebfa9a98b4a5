package io.planscore.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.ValidatableResponse;

import java.nio.charset.StandardCharsets;

import static io.planscore.infra.TestIdentities.asAdmin;
import static io.planscore.infra.TestIdentities.as;


/** Small REST Assured helpers, as an administrator ({@link io.planscore.infra.TestIdentities}); JSON bodies are read with exact decimals. */
final class Api {

    static final String JSON = "application/json; charset=UTF-8";
    static final String ADMIN = "key:admin1";

    private Api() {
    }

    static ValidatableResponse post(String path, String body) {
        return as(ADMIN, "admin", null).contentType(JSON)
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post(path).then();
    }

    static ValidatableResponse put(String path, String body) {
        return as(ADMIN, "admin", null).contentType(JSON)
                .body(body.getBytes(StandardCharsets.UTF_8)).when().put(path).then();
    }

    static ValidatableResponse get(String path) {
        return asAdmin().when().get(path).then();
    }

    static JsonNode json(ValidatableResponse response) {
        return Fixtures.parse(response.extract().asByteArray());
    }
}
