package io.planscore.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.ValidatableResponse;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;

/** Small REST Assured helpers; JSON bodies are read with exact decimals. */
final class Api {

    static final String JSON = "application/json; charset=UTF-8";
    static final String ADMIN = "key:admin1";

    private Api() {
    }

    static ValidatableResponse post(String path, String body) {
        return given().contentType(JSON).header("X-Planscore-Principal", ADMIN).header("X-Planscore-Role", "admin")
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post(path).then();
    }

    static ValidatableResponse put(String path, String body) {
        return given().contentType(JSON).header("X-Planscore-Principal", ADMIN).header("X-Planscore-Role", "admin")
                .body(body.getBytes(StandardCharsets.UTF_8)).when().put(path).then();
    }

    static ValidatableResponse get(String path) {
        return given().when().get(path).then();
    }

    static JsonNode json(ValidatableResponse response) {
        return Fixtures.parse(response.extract().asByteArray());
    }
}
