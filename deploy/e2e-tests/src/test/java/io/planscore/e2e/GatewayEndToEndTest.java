package io.planscore.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.infra.SseSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static io.planscore.e2e.PlatformFixture.admin;
import static io.planscore.e2e.PlatformFixture.createPlan;
import static io.planscore.e2e.PlatformFixture.indicator;
import static io.planscore.e2e.PlatformFixture.measurement;
import static io.planscore.e2e.PlatformFixture.read;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
    private static final String SEED_003 = "003_chiayi-police_107.json";

    @RegisterExtension
    static final RunningPlatform PLATFORM = new RunningPlatform();

    @Test
    void aMeasurementUpdatesTheLiveScoreAndTheScorecard() throws Exception {
        String planId = createPlan(SEED_001);
        try (SseSubscription stream = PlatformFixture.stream(PLATFORM.get(), planId)) {
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
        // Only the plan version was scored (scoring may still be receiving it: 404 until then).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                admin().get("/api/v1/scores/plans/{planId}/history?year=2018", planId).then().statusCode(200)
                        .body("items.trigger.eventType", org.hamcrest.Matchers.everyItem(equalTo("PlanVersionApproved"))));
        // the unknown indicator and the wrong unit are kept, listed under the plan (the unknown plan under none)
        admin().get("/api/v1/measurements/rejected?planId={planId}", planId).then().statusCode(200)
                .body("total", equalTo(2));
    }

    /**
     * Seed 003 (weighted, point rules), with actuals posted through the gateway; every expected number is
     * worked out by hand from SCORING.md.
     */
    @Test
    void aWeightedPlansScoresAreExactlyThoseComputedByHand() {
        String planId = createPlan(SEED_003);
        String batch = "{\"events\": [" + String.join(",",
                event(planId, "F1-G1-K1", null, "2015", "80"), event(planId, "F1-G1-K1", null, "2016", "82"),
                event(planId, "F1-G1-K1", null, "2017", "84"), event(planId, "F1-G1-K1", null, "2018", "85"),
                event(planId, "F1-G2-K1", "A", "2018", "45"), event(planId, "F1-G2-K1", "B", "2018", "50"),
                event(planId, "F1-G3-K1", null, "2018", "80"),
                event(planId, "F3-G1-K二", null, "2018-03", "1"), event(planId, "F3-G1-K二", null, "2018-09", "2"),
                event(planId, "F3-G3-K一", null, "2018", "2"),
                event(planId, "F4-G1-K一", "A", "2018", "72"), event(planId, "F4-G1-K一", "B", "2018", "100"),
                event(planId, "F4-G1-K一", "C", "2018", "10"),
                event(planId, "F4-G1-K二", "A", "2018", "60"), event(planId, "F4-G1-K二", "B", "2018", "10"),
                event(planId, "F4-G1-K二", "C", "2018", "20"), event(planId, "F4-G1-K二", "D", "2018", "100")) + "]}";
        admin().contentType("application/json").body(batch).post("/api/v1/measurements")
                .then().statusCode(202).body("accepted", equalTo(17));

        // F1-G1-K1 ↑ vs the mean of 2015–2017, (80 + 82 + 84) / 3 = 82: 85 is above it → met, weight 2.
        assertPoints(planId, "F1-G1-K1", "2", "MET");
        // F1-G2-K1 = A / B × 100 = 45 / 50 × 100 = 90 ≥ 90 → met, weight 3.
        assertPoints(planId, "F1-G2-K1", "3", "MET");
        // F1-G3-K1: 80 against 100 → a = 0.8, weight 4 → 3.2.
        assertPoints(planId, "F1-G3-K1", "3.2", "OFF_TRACK");
        // F3-G1-K二 per_unit_capped{0.6, 5, 3}: 1 + 2 = 3 proposals → 1.8 points.
        assertPoints(planId, "F3-G1-K二", "1.8", null);
        // F3-G3-K一 deduction_per_incident{1, 0.2, 0}: 2 incidents → 0.6.
        assertPoints(planId, "F3-G3-K一", "0.6", null);
        // F4-G1-K一 = A / (B − C) × 100 = 72 / 90 × 100 = 80 ≥ 80 → 13; F4-G1-K二 = (A + B + 0.5 C) / D × 100 = 80 → 7.
        assertPoints(planId, "F4-G1-K一", "13", "MET");
        assertPoints(planId, "F4-G1-K二", "7", "MET");
        var card = admin().get("/api/v1/scores/plans/{planId}?year=2018", planId).then().extract().jsonPath();
        assertThat(new BigDecimal(card.getString("scorecard.facets.find { it.id == 'F4' }.score")))
                .isEqualByComparingTo("20");
    }

    /**
     * Seed 003's central-grant bonus (R10) ranks the bureaus of a peer group by growth; two bureaus report through
     * the gateway and each is ranked against the other.
     */
    @Test
    void aRankBonusRanksThePlansOfAPeerGroup() throws Exception {
        String group = "e2e bureaus " + UUID.randomUUID();
        String police = createPlan(inPeerGroup(SEED_003, group));
        String finance = createPlan(inPeerGroup(SEED_003, group));
        for (String[] report : new String[][] {{police, "120"}, {finance, "135"}}) {
            String batch = "{\"events\": [" + event(report[0], "F4-G3-K1", "A", "2018", report[1]) + ","
                    + event(report[0], "F4-G3-K1", "B", "2018", "100") + "]}";
            admin().contentType("application/json").body(batch).post("/api/v1/measurements")
                    .then().statusCode(202).body("accepted", equalTo(2));
        }
        // Growth (A − B) / B × 100: finance 35 % ranks first → 4 points; police 20 % second → 4 × (4 − 2 + 1) / 4 = 3,
        // whose a = 3 / 4 is below the amber line.
        assertPoints(finance, "F4-G3-K1", "4", "MET");
        assertPoints(police, "F4-G3-K1", "3", "OFF_TRACK");
        // Nothing else of the police plan is reported yet: facet F4 and the total are the bonus alone, final.
        var card = admin().get("/api/v1/scores/plans/{planId}?year=2018", police).then().extract().jsonPath();
        assertThat(new BigDecimal(card.getString("scorecard.facets.find { it.id == 'F4' }.score"))).isEqualByComparingTo("3");
        assertThat(new BigDecimal(card.getString("scorecard.totalScore"))).isEqualByComparingTo("3");
        assertThat(card.getBoolean("scorecard.provisional")).isFalse();
    }

    private static byte[] inPeerGroup(String seed, String group) throws Exception {
        JsonNode document = read(new String(PlatformFixture.seedPlan(seed), java.nio.charset.StandardCharsets.UTF_8));
        document.path("goals").forEach(goal -> goal.path("indicators").forEach(indicator -> {
            if (indicator.path("scoring_rule").path("type").asText().equals("rank_bonus")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) indicator.path("scoring_rule")).put("peer_group", group);
            }
        }));
        return PlatformFixture.JSON.writeValueAsBytes(document);
    }

    /** A revised target, approved with a justification, changes the published score; both versions stay readable. */
    @Test
    void anApprovedRevisionChangesThePublishedScores() throws Exception {
        String planId = createPlan(SEED_003);
        admin().contentType("application/json").body("{\"events\": [" + event(planId, "F1-G3-K1", null, "2018", "80") + "]}")
                .post("/api/v1/measurements").then().statusCode(202).body("accepted", equalTo(1));
        assertPoints(planId, "F1-G3-K1", "3.2", "OFF_TRACK");

        com.fasterxml.jackson.databind.node.ObjectNode revised = (com.fasterxml.jackson.databind.node.ObjectNode)
                PlatformFixture.JSON.readTree(PlatformFixture.seedPlan(SEED_003));
        for (JsonNode goal : revised.path("goals")) {
            for (JsonNode indicator : goal.path("indicators")) {
                if (indicator.path("id").asText().equals("F1-G3-K1")) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) indicator.path("targets").get(0))
                            .put("number", 80).put("value", 80).put("raw", "80%");
                }
            }
        }
        admin().contentType("application/json").body(revised.toString()).put("/api/v1/plans/{planId}", planId)
                .then().statusCode(201).body("version", equalTo(2));
        admin().contentType("application/json").body("{}").post("/api/v1/plans/{planId}/versions/2/approve", planId)
                .then().statusCode(422);
        admin().contentType("application/json").body("{\"justification\": \"NPA lowered the 2018 drug-sweep quota\"}")
                .post("/api/v1/plans/{planId}/versions/2/approve", planId).then().statusCode(200);

        assertPoints(planId, "F1-G3-K1", "4", "MET"); // 80 against the revised 80 → met, full weight 4
        admin().get("/api/v1/scores/plans/{planId}?year=2018", planId).then().body("planVersion", equalTo(2));
        admin().get("/api/v1/plans/{planId}?version=1", planId).then().statusCode(200).body("version", equalTo(1));
        admin().get("/api/v1/plans/{planId}?version=2", planId).then().statusCode(200).body("version", equalTo(2));
    }

    private static String event(String planId, String indicatorId, String component, String period, String value) {
        return """
                {"eventId": "%s", "planId": "%s", "indicatorId": "%s", %s"period": "%s", "value": %s}""".formatted(
                UUID.randomUUID(), planId, indicatorId, component == null ? "" : "\"component\": \"" + component + "\", ",
                period, value);
    }

    private static void assertPoints(String planId, String indicatorId, String points, String status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode indicator = read(admin().get("/api/v1/scores/plans/{planId}/indicators/{indicatorId}?year=2018",
                    planId, indicatorId).then().statusCode(200).extract().asString()).path("indicator");
            assertThat(indicator.path("points").decimalValue()).as(indicatorId).isEqualByComparingTo(points);
            if (status != null) {
                assertThat(indicator.path("status").asText()).as(indicatorId).isEqualTo(status);
            }
        });
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

    /**
     * Only the gateway is a door: the internal services refuse a call without a signed identity (the old
     * shared token and role headers open nothing) and listen on the loopback interface only.
     */
    @Test
    void theInternalServicesAnswerOnlyTheGatewaysSignedIdentities() throws Exception {
        for (String name : new String[] {"plans-service", "measurements-service", "scoring-service"}) {
            var service = PLATFORM.get().service(name);
            given().baseUri(service.baseUri().toString()).port(service.port()).get("/api/v1/plans")
                    .then().statusCode(401).contentType(startsWith("application/problem+json"));
            given().baseUri(service.baseUri().toString()).port(service.port())
                    .header("X-Planscore-Internal-Token", "planscore-local-internal-token")
                    .header("X-Planscore-Role", "admin").header("Authorization", "Bearer forged")
                    .contentType("application/json").body("{\"name\": \"intruder\"}")
                    .post("/api/v1/agencies").then().statusCode(401);
            Optional<InetAddress> outward = outwardAddress();
            if (outward.isPresent()) {
                try (Socket socket = new Socket()) {
                    assertThatThrownBy(() -> socket.connect(new InetSocketAddress(outward.get(), service.port()), 2000))
                            .as(name + " on " + outward.get()).isInstanceOf(java.io.IOException.class);
                }
            }
        }
    }

    private static Optional<InetAddress> outwardAddress() throws Exception {
        return NetworkInterface.networkInterfaces().filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                }).flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address).findFirst();
    }
}

