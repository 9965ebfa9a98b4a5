package io.planscore.measurements;

import io.planscore.infra.RealInfraResource;
import io.planscore.measurements.support.FakePlansService;
import io.planscore.measurements.domain.Measurement;
import io.planscore.measurements.domain.RejectedMeasurement;
import io.planscore.measurements.support.TestPlans;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.planscore.measurements.support.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** Input written to break the service is answered as a client error, and whatever is kept can be read back. */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakePlansService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HostileInputTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    static String plan;

    @BeforeEach
    void plan() {
        if (plan == null) {
            plan = TestPlans.newId();
            TestPlans.approve(companion, plan, TestPlans.newId(), 1, TestPlans.CHIAYI_POLICE);
        }
    }

    private static String event(String eventId, String value) {
        return "{\"eventId\": " + eventId + ", \"planId\": \"" + (plan == null ? "PLAN" : plan) + "\", \"indicatorId\": \"F3-G1-K二\", "
                + "\"period\": \"2018\", \"value\": " + value + "}";
    }

    private static String newId() {
        return "\"" + UUID.randomUUID() + "\"";
    }

    private static void rejected(String body, String field) {
        admin().contentType(ContentType.JSON).body(body).post("/api/v1/measurements").then()
                .statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem(field));
    }

    /** An event with {@code json} written raw as its {@code field} (added when the event has no such field). */
    private static String eventWith(String field, String json) {
        String event = event(newId(), "1");
        return event.contains("\"" + field + "\": ")
                ? event.replaceFirst("\"" + field + "\": (\"[^\"]*\"|[0-9]+)", "\"" + field + "\": " + java.util.regex.Matcher.quoteReplacement(json))
                : event.replace("}", ", \"" + field + "\": " + json + "}");
    }

    static Stream<Arguments> probes() {
        String deep = "{\"a\":".repeat(999) + "1" + "}".repeat(999);
        String post = "/api/v1/measurements";
        return Stream.of(
                Arguments.of("POST", post, eventWith("value", "1e2147483648"), 400, "value"),
                Arguments.of("POST", post, "{\"events\": [" + eventWith("value", "1e2147483648") + "]}", 400, "events[0].value"),
                Arguments.of("POST", post, eventWith("eventId", "1e2147483648"), 400, "eventId"),
                Arguments.of("POST", post, eventWith("value", "1e10000"), 422, "value"),
                Arguments.of("POST", post, eventWith("value", "1e-10000"), 422, "value"),
                Arguments.of("POST", post, eventWith("eventId", "1e10000"), 422, "eventId"),
                Arguments.of("POST", post, eventWith("eventId", "null"), 422, "eventId"),
                Arguments.of("POST", post, eventWith("observedAt", "1e10000"), 422, "observedAt"),
                Arguments.of("POST", post, eventWith("observedAt", "\"+300000-01-01T00:00:00Z\""), 422, "observedAt"),
                Arguments.of("POST", post, eventWith("observedAt", "\"-5000-01-01T00:00:00Z\""), 422, "observedAt"),
                Arguments.of("POST", post, eventWith("note", "\"a\\u0000b\""), 422, "note"),
                Arguments.of("POST", post, eventWith("note", deep), 400, "note"),
                Arguments.of("POST", post, "{\"events\": [" + eventWith("note", deep) + "]}", 400, "events[0].note"),
                Arguments.of("GET", post + "?planId=%00", null, 400, "planId"),
                Arguments.of("GET", post + "/rejected?planId=a%00b", null, 400, "planId"),
                Arguments.of("GET", post + "?page=2147483647&size=1000", null, 400, "page"),
                Arguments.of("GET", post + "/rejected?page=2147483647&size=1000", null, 400, "page"));
    }

    @ParameterizedTest(name = "{0} {1} → {3} naming {4}")
    @MethodSource("probes")
    void isAClientErrorNamingTheField(String method, String route, String body, int status, String field) {
        var request = admin().urlEncodingEnabled(false);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body.replace("PLAN", plan));
        }
        ValidatableResponse response = request.request(method, route).then().statusCode(status)
                .contentType(startsWith("application/problem+json"))
                // a 999-deep object is named by where it starts
                .body("errors.field", hasItem(either(equalTo(field)).or(startsWith(field + "."))));
        assertThat(response.extract().asString()).doesNotContain("Exception", "io.planscore", "java.");
    }

    @Test
    void hugeExponentsAreRejectedNamingTheField() {
        rejected(event(newId(), "1e999999999"), "value");
        rejected(event(newId(), "1e100000"), "value");
        rejected(event(newId(), "-1e-999999999"), "value");
        rejected(event("1e10000", "1"), "eventId");
        rejected(event("1e999999999", "1"), "eventId");
        rejected(event("null", "1"), "eventId");
        rejected("{\"eventId\": " + newId() + ", \"planId\": \"" + plan + "\", \"indicatorId\": \"F3-G1-K二\", "
                + "\"period\": \"2018\", \"value\": 1, \"observedAt\": 1e999999999}", "observedAt");
    }

    @Test
    void numbersBeyondWhatJacksonParsesAreBadRequests() {
        for (String value : new String[]{"1e2147483648", "1e-2147483649", "1" + "0".repeat(5000)}) {
            admin().contentType(ContentType.JSON).body(event(newId(), value)).post("/api/v1/measurements").then()
                    .statusCode(400).contentType(startsWith("application/problem+json"));
        }
        admin().contentType(ContentType.JSON).body(event("1e2147483648", "1")).post("/api/v1/measurements").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aKafkaRecordWithAnUnreadableNumberIsRejectedAloneInItsPoll() {
        String good = UUID.randomUUID().toString();
        String bad = UUID.randomUUID().toString();
        companion.produceStrings().fromRecords(List.of(
                new ProducerRecord<String, String>("measurements.submitted.v1", plan, event("\"" + bad + "\"", "1e2147483648")),
                new ProducerRecord<String, String>("measurements.submitted.v1", plan, event("\"" + good + "\"", "1"))))
                .awaitCompletion(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(QuarkusTransaction.requiringNew().call(() -> Measurement.count("eventId", UUID.fromString(good))))
                    .isEqualTo(1L);
            assertThat(QuarkusTransaction.requiringNew().call(() -> RejectedMeasurement
                    .<RejectedMeasurement>list("channel = 'kafka' and planId is null")))
                    .anySatisfy(r -> {
                        assertThat(r.body).contains(bad);
                        assertThat(r.errors).contains("MALFORMED_EVENT");
                    });
        });
    }

    @Test
    void anInstantBeyondWhatTheDatabaseHoldsIsAnInvalidField() {
        rejected("{\"eventId\": " + newId() + ", \"planId\": \"" + plan + "\", \"indicatorId\": \"F3-G1-K二\", "
                + "\"period\": \"2018\", \"value\": 1, \"observedAt\": \"+999999999-12-31T23:59:59Z\"}", "observedAt");
    }

    @Test
    void deeplyNestedBodiesAreBadRequests() {
        String deep = "{\"a\":".repeat(999) + "1" + "}".repeat(999);
        admin().contentType(ContentType.JSON).body(deep).post("/api/v1/measurements").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aNullItemInABatchIsRejectedAloneAndListed() {
        admin().contentType(ContentType.JSON).body("{\"events\": [null, " + event(newId(), "1") + "]}")
                .post("/api/v1/measurements").then().statusCode(202)
                .body("results[0].status", equalTo("rejected"))
                .body("results[1].status", equalTo("accepted"));
        admin().get("/api/v1/measurements/rejected?size=1000").then().statusCode(200);
    }

    @Test
    void rejectedBodiesCanAlwaysBeReadBackAndStayBounded() {
        String id = UUID.randomUUID().toString();
        rejected(event("\"" + id + "\"", "1e5000"), "value");
        String hugeId = UUID.randomUUID().toString();
        String huge = "{\"eventId\": \"" + hugeId + "\", \"planId\": \"" + plan + "\", \"indicatorId\": \"F3-G1-K二\", "
                + "\"period\": \"2018\", \"value\": 1, \"unit\": \"" + "x".repeat(2_000_000) + "\"}";
        rejected(huge, "unit");

        var page = admin().get("/api/v1/measurements/rejected?planId=" + plan + "&size=1000").then().statusCode(200)
                .extract().jsonPath();
        int count = page.getList("items").size();
        boolean sawNumber = false;
        boolean sawHuge = false;
        for (int i = 0; i < count; i++) {
            String eventId = page.getString("items[" + i + "].eventId");
            if (id.equals(eventId)) {
                sawNumber = true;
                assertThat(page.getString("items[" + i + "].body.value")).isEqualTo("1E+5000");
            }
            if (hugeId.equals(eventId)) {
                sawHuge = true;
                assertThat(page.getBoolean("items[" + i + "].body.truncated")).isTrue();
                assertThat(page.getLong("items[" + i + "].body.size")).isGreaterThan(2_000_000L);
                assertThat(page.getString("items[" + i + "].body.sha256")).hasSize(64);
                assertThat(page.getString("items[" + i + "].body.head").length()).isLessThanOrEqualTo(4096);
            }
        }
        assertThat(sawNumber).isTrue();
        assertThat(sawHuge).isTrue();
    }
}
