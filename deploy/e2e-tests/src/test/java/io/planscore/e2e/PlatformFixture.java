package io.planscore.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.infra.SseSubscription;
import io.planscore.localrun.Platform;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;

/** Shared steps of the end-to-end tests: a running platform, an admin, seed plans and score reading. */
final class PlatformFixture {

    static final String ADMIN_KEY = "psk_e2e-admin-" + UUID.randomUUID();
    static final ObjectMapper JSON = new ObjectMapper();

    private PlatformFixture() {
    }

    static Platform start() {
        Path home = Path.of(System.getProperty("planscore.home", "../..")).toAbsolutePath().normalize();
        Platform platform = Platform.startTemporary(home, ADMIN_KEY);
        RestAssured.baseURI = platform.gateway().baseUri().toString();
        RestAssured.port = platform.gateway().port();
        RestAssured.replaceFiltersWith(DocumentedStatuses.ofPublicDocument(home));
        return platform;
    }

    static RequestSpecification admin() {
        return given().header("X-API-Key", ADMIN_KEY);
    }

    static byte[] seedPlan(String file) {
        try (InputStream in = PlatformFixture.class.getResourceAsStream("/seed-plans/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a plan from a seed document and returns its id. */
    static String createPlan(String seedFile) {
        return createPlan(seedPlan(seedFile));
    }

    static String createPlan(byte[] document) {
        return admin().contentType("application/json").body(document)
                .post("/api/v1/plans")
                .then().statusCode(201)
                .extract().path("id");
    }

    static String measurement(UUID eventId, String planId, String indicatorId, String period, String value, String unit) {
        return """
                {"eventId": "%s", "planId": "%s", "indicatorId": "%s", "period": "%s", "value": %s, "unit": "%s",
                 "kind": "actual", "observedAt": "2018-12-31T00:00:00Z"}""".formatted(eventId, planId, indicatorId,
                period, value, unit);
    }

    /** The live score stream of one plan, as an administrator's dashboard would open it. */
    static SseSubscription stream(Platform platform, String planId) {
        return SseSubscription.open(platform.gateway().baseUri().resolve("/api/v1/scores/stream?planId=" + planId),
                Map.of("X-API-Key", ADMIN_KEY));
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The indicator's entry in a scorecard body (the {@code scorecard} of a ScoreUpdated or a GET). */
    static Optional<JsonNode> indicator(JsonNode scorecard, String indicatorId) {
        return StreamSupport.stream(scorecard.path("indicators").spliterator(), false)
                .filter(node -> indicatorId.equals(node.path("id").asText(node.path("indicatorId").asText())))
                .findFirst();
    }
}
