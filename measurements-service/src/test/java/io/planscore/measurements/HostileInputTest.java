package io.planscore.measurements;

import io.planscore.infra.RealInfraResource;
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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.planscore.measurements.support.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** Input written to break the service is answered as a client error, and whatever is kept can be read back. */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
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
        return "{\"eventId\": " + eventId + ", \"planId\": \"" + plan + "\", \"indicatorId\": \"F3-G1-K二\", "
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
