package io.planscore.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.infra.SseSubscription;
import io.planscore.localrun.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import static io.planscore.e2e.PlatformFixture.admin;
import static io.planscore.e2e.PlatformFixture.createPlan;
import static io.planscore.e2e.PlatformFixture.indicator;
import static io.planscore.e2e.PlatformFixture.measurement;
import static io.planscore.e2e.PlatformFixture.read;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * The first slice, through the gateway only: an administrator creates a plan, an agency's actual
 * arrives, and the score appears on the live stream and in the scorecard.
 */
class GatewayEndToEndTest {

    private static final String SEED_001 = "001_keelung-police_107-110.json";

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = PlatformFixture.start();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aMeasurementUpdatesTheLiveScoreAndTheScorecard() throws Exception {
        String planId = createPlan(SEED_001);
        try (SseSubscription stream = PlatformFixture.stream(platform, planId)) {
            UUID eventId = UUID.randomUUID();
            long posted = System.nanoTime();
            admin().contentType("application/json")
                    .body(measurement(eventId, planId, "G2-K1", "2018", "40", "場"))
                    .post("/api/v1/measurements")
                    .then().statusCode(202)
                    .body("results[0].status", equalTo("accepted"));

            // G2-K1: 50 場 planned for 2018 (higher is better), 40 held → a = 40 / 50 = 0.8, below the 0.9 amber line.
            JsonNode update = await().atMost(Duration.ofSeconds(30)).until(
                    () -> stream.events().stream()
                            .filter(e -> "score-updated".equals(e.name()))
                            .map(e -> read(e.data()))
                            .filter(e -> eventId.toString().equals(e.path("trigger").path("eventId").asText()))
                            .findFirst().orElse(null),
                    java.util.Objects::nonNull);
            System.out.printf("measurement → score-updated on the stream: %d ms%n",
                    Duration.ofNanos(System.nanoTime() - posted).toMillis());
            JsonNode streamed = indicator(update.path("scorecard"), "G2-K1").orElseThrow();
            assertThat(streamed.path("achievement").decimalValue()).isEqualByComparingTo(new BigDecimal("0.8"));
            assertThat(streamed.path("status").asText()).isEqualTo("OFF_TRACK");

            String scorecard = admin().get("/api/v1/scores/plans/{planId}?year=2018", planId)
                    .then().statusCode(200).extract().asString();
            JsonNode served = indicator(read(scorecard).path("scorecard"), "G2-K1").orElseThrow();
            assertThat(served.path("achievement").decimalValue()).isEqualByComparingTo(streamed.path("achievement").decimalValue());
            assertThat(read(scorecard).path("scoreVersion").asLong()).isEqualTo(update.path("scoreVersion").asLong());
        }
    }

    @Test
    void badInputGetsProblemDetailsAndChangesNothing() {
        String planId = createPlan(SEED_001);
        admin().contentType("application/json").body("{\"eventId\": ")
                .post("/api/v1/measurements")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"));

        assertRejected(measurement(UUID.randomUUID(), UUID.randomUUID().toString(), "G2-K1", "2018", "40", "場"), "planId");
        assertRejected(measurement(UUID.randomUUID(), planId, "G9-K9", "2018", "40", "場"), "indicatorId");
        assertRejected(measurement(UUID.randomUUID(), planId, "G2-K1", "2018", "40", "人"), "unit");

        admin().get("/api/v1/measurements?planId={planId}", planId).then().statusCode(200)
                .body("total", equalTo(0));
        admin().get("/api/v1/scores/plans/{planId}/history?year=2018", planId).then().statusCode(200)
                .body("trigger.eventType", org.hamcrest.Matchers.everyItem(equalTo("PlanVersionApproved")));
        // the unknown indicator and the wrong unit are kept, listed under the plan (the unknown plan under none)
        admin().get("/api/v1/measurements/rejected?planId={planId}", planId).then().statusCode(200)
                .body("total", equalTo(2));
    }

    private static void assertRejected(String body, String field) {
        admin().contentType("application/json").body(body)
                .post("/api/v1/measurements")
                .then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem(field));
    }

    @Test
    void everyApiCallNeedsACredential() {
        given().get("/api/v1/plans").then().statusCode(401);
        given().header("X-API-Key", "psk_forged").get("/api/v1/plans").then().statusCode(401);
        given().contentType("application/json").body("{}").post("/api/v1/measurements").then().statusCode(401);
    }
}
