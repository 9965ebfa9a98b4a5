package io.planscore.measurements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.infra.RealInfraResource;
import io.planscore.measurements.support.FakePlansService;
import io.planscore.measurements.domain.Measurement;
import io.planscore.measurements.support.TestPlans;
import io.planscore.measurements.support.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.planscore.infra.TestIdentities.asAdmin;
import static io.planscore.infra.TestIdentities.as;
import static io.planscore.measurements.support.Api.admin;
import static io.planscore.measurements.support.Api.batch;
import static io.planscore.measurements.support.Api.event;
import static io.planscore.measurements.support.Api.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakePlansService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CorrectionChainTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    static String plan;
    static String otherPlan;

    @BeforeEach
    void plans() {
        if (plan == null) {
            plan = TestPlans.newId();
            otherPlan = TestPlans.newId();
            String agency = TestPlans.newId();
            TestPlans.approve(companion, plan, agency, 1, TestPlans.CHIAYI_POLICE);
            TestPlans.approve(companion, otherPlan, TestPlans.newId(), 1, TestPlans.CHIAYI_POLICE);
        }
    }

    static ObjectNode correction(ObjectNode of, Object value) {
        ObjectNode c = event(of.get("planId").asText(), of.get("indicatorId").asText(), of.get("period").asText(), value);
        c.put("kind", "correction");
        c.put("supersedes", of.get("eventId").asText());
        return c;
    }

    static ObjectNode retraction(ObjectNode of) {
        ObjectNode r = event(of.get("planId").asText(), of.get("indicatorId").asText(), of.get("period").asText(), null);
        r.put("kind", "retraction");
        r.put("supersedes", of.get("eventId").asText());
        return r;
    }

    @Test
    void aCorrectionThenARetractionFormOneChain() {
        ObjectNode actual = event(plan, "F3-G3-K一", "2018-05", 2);
        ObjectNode correction = correction(actual, 3);
        correction.put("note", "one incident was counted late");
        ObjectNode retraction = retraction(correction);
        retraction.remove("period"); // a retraction may leave the period out: it is the superseded event's
        String a = actual.get("eventId").asText();
        String c = correction.get("eventId").asText();
        String r = retraction.get("eventId").asText();

        post(admin(), actual).statusCode(202).body("results[0].status", equalTo("accepted"));
        post(admin(), correction).statusCode(202).body("results[0].status", equalTo("accepted"));
        post(admin(), retraction).statusCode(202).body("results[0].status", equalTo("accepted"));

        asAdmin().queryParam("planId", plan).queryParam("indicatorId", "F3-G3-K一").queryParam("year", 2018)
                .get("/api/v1/measurements").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.find { it.eventId == '" + a + "' }.status", equalTo("superseded"))
                .body("items.find { it.eventId == '" + a + "' }.supersededBy", equalTo(c))
                .body("items.find { it.eventId == '" + a + "' }.supersedes", nullValue())
                .body("items.find { it.eventId == '" + c + "' }.status", equalTo("retracted"))
                .body("items.find { it.eventId == '" + c + "' }.supersedes", equalTo(a))
                .body("items.find { it.eventId == '" + c + "' }.supersededBy", equalTo(r))
                .body("items.find { it.eventId == '" + c + "' }.kind", equalTo("correction"))
                .body("items.find { it.eventId == '" + r + "' }.status", equalTo("active"))
                .body("items.find { it.eventId == '" + r + "' }.kind", equalTo("retraction"))
                .body("items.find { it.eventId == '" + r + "' }.value", nullValue())
                .body("items.find { it.eventId == '" + r + "' }.period", equalTo("2018-05"))
                .body("items.find { it.eventId == '" + a + "' }.chain", contains(a, c, r))
                .body("items.find { it.eventId == '" + r + "' }.chain", contains(a, c, r))
                .body("items.find { it.eventId == '" + a + "' }.submittedBy", equalTo("test-admin"))
                .body("items.find { it.eventId == '" + a + "' }.channel", equalTo("http"));

        try (Topics recorded = Topics.read(companion, "measurements.recorded.v1")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !recorded.measurement(r).isEmpty());
            JsonNode payload = recorded.measurement(r).get(0);
            assertThat(payload.get("kind").asText()).isEqualTo("retraction");
            assertThat(payload.get("supersedes").asText()).isEqualTo(c);
            assertThat(payload.get("value").isNull()).isTrue();
            JsonNode corrected = recorded.measurement(c).get(0);
            assertThat(corrected.get("kind").asText()).isEqualTo("correction");
            assertThat(corrected.get("supersedes").asText()).isEqualTo(a);
            assertThat(corrected.get("value").decimalValue()).isEqualByComparingTo("3");
        }
    }

    @Test
    void badQueryParametersAreProblems() {
        asAdmin().queryParam("year", "abc").get("/api/v1/measurements").then().statusCode(400)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("year"));
        asAdmin().queryParam("size", 5000).get("/api/v1/measurements/rejected").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        asAdmin().queryParam("page", -1).get("/api/v1/measurements").then().statusCode(400);
    }

    @Test
    void pagingBeyondItsLimitsIsA400NamingTheParameter() {
        for (String list : new String[]{"/api/v1/measurements", "/api/v1/measurements/rejected"}) {
            pagingRejected(list, "2147483647", "1000", "page");
            pagingRejected(list, "99999999999", "10", "page");
            pagingRejected(list, "-1", "10", "page");
            pagingRejected(list, "0", "1001", "size");
            pagingRejected(list, "0", "0", "size");
            pagingRejected(list, "0", "many", "size");
            admin().queryParam("page", 2147483647).queryParam("size", 1).get(list).then().statusCode(200)
                    .body("items", org.hamcrest.Matchers.empty());
            admin().queryParam("size", 1000).get(list).then().statusCode(200).body("size", equalTo(1000));
        }
    }

    private static void pagingRejected(String list, String page, String size, String parameter) {
        admin().queryParam("page", page).queryParam("size", size).get(list).then().statusCode(400)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .body("errors.field", contains(parameter));
    }

    @Test
    void aCorrectionMayFollowItsActualInTheSameBatch() {
        ObjectNode actual = event(plan, "F3-G3-K二", "2018-06", 1);
        ObjectNode correction = correction(actual, 0);
        ObjectNode second = correction(actual, 5);
        post(admin(), batch(actual, correction, second)).statusCode(202)
                .body("results.status", contains("accepted", "accepted", "rejected"))
                .body("results[2].errors[0].code", equalTo("ALREADY_SUPERSEDED"));
        Measurement old = QuarkusTransaction.requiringNew()
                .call(() -> Measurement.findById(UUID.fromString(actual.get("eventId").asText())));
        assertThat(old.status).isEqualTo("superseded");
        assertThat(old.supersededBy).isEqualTo(UUID.fromString(correction.get("eventId").asText()));
    }

    @Test
    void theThreeWaysASupersedeCanFail() {
        ObjectNode actual = event(plan, "F1-G6-K二", "2018-07", 4);
        ObjectNode otherIndicator = event(plan, "F3-G1-K二", "2018", 1);
        ObjectNode otherPlanEvent = event(otherPlan, "F1-G6-K二", "2018-07", 4);
        post(admin(), batch(actual, otherIndicator, otherPlanEvent)).statusCode(202).body("accepted", equalTo(3));

        ObjectNode unknown = event(plan, "F1-G6-K二", "2018-07", 5);
        unknown.put("kind", "correction");
        unknown.put("supersedes", UUID.randomUUID().toString());

        ObjectNode wrongIndicator = correction(otherIndicator, 2);
        wrongIndicator.put("indicatorId", "F1-G6-K二");
        ObjectNode wrongPlan = correction(otherPlanEvent, 5);
        wrongPlan.put("planId", plan);

        ObjectNode first = correction(actual, 5);
        ObjectNode again = correction(actual, 6);
        ObjectNode retractAgain = retraction(actual);
        ObjectNode retraction = retraction(first);
        ObjectNode correctRetraction = correction(retraction, 7);

        var response = post(admin(), batch(unknown, wrongIndicator, wrongPlan, first, again, retractAgain, retraction,
                correctRetraction)).statusCode(202).extract().jsonPath();
        assertThat(response.getList("results.status", String.class)).containsExactly(
                "rejected", "rejected", "rejected", "accepted", "rejected", "rejected", "accepted", "rejected");
        List<String> codes = List.of("UNKNOWN_SUPERSEDED", "FOREIGN_SUPERSEDED", "FOREIGN_SUPERSEDED", "",
                "ALREADY_SUPERSEDED", "ALREADY_SUPERSEDED", "", "ALREADY_SUPERSEDED");
        for (int i = 0; i < codes.size(); i++) {
            if (!codes.get(i).isEmpty()) {
                assertThat(response.getString("results[" + i + "].errors[0].code")).as("event %d", i).isEqualTo(codes.get(i));
                assertThat(response.getString("results[" + i + "].errors[0].field")).isEqualTo("supersedes");
            }
        }
        assertThat(response.getString("results[4].errors[0].message")).contains(first.get("eventId").asText());

        // a later request sees the chain the same way; a single rejected event is answered as a problem
        post(admin(), correction(actual, 9)).statusCode(422)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .body("errors[0].code", equalTo("ALREADY_SUPERSEDED"))
                .body("errors[0].message", containsString("already corrected"));
    }
}
