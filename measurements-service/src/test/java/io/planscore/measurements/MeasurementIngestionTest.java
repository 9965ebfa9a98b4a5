package io.planscore.measurements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.infra.RealInfraResource;
import io.planscore.measurements.events.SubmittedConsumer;
import io.planscore.measurements.support.FakePlansService;
import io.planscore.measurements.support.Outcomes;
import io.planscore.measurements.domain.Measurement;
import io.planscore.measurements.domain.RejectedMeasurement;
import io.planscore.measurements.support.Api;
import io.planscore.measurements.support.TestPlans;
import io.planscore.measurements.support.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.planscore.infra.TestIdentities.as;
import static io.planscore.infra.TestIdentities.asAdmin;
import static io.planscore.infra.TestIdentities.asViewer;
import static io.planscore.measurements.support.Api.admin;
import static io.planscore.measurements.support.Api.agency;
import static io.planscore.measurements.support.Api.batch;
import static io.planscore.measurements.support.Api.event;
import static io.planscore.measurements.support.Api.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakePlansService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MeasurementIngestionTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    static String chiayi;
    static String chiayiAgency;
    static String education;
    static String educationAgency;

    @BeforeEach
    void plans() {
        if (chiayi == null) {
            chiayi = TestPlans.newId();
            chiayiAgency = TestPlans.newId();
            education = TestPlans.newId();
            educationAgency = TestPlans.newId();
            TestPlans.approve(companion, chiayi, chiayiAgency, 1, TestPlans.CHIAYI_POLICE);
            TestPlans.approve(companion, education, educationAgency, 1, TestPlans.KEELUNG_EDUCATION);
        }
    }

    @Test
    void anAcceptedEventIsRecordedAndPublishedWithItsOwnEventId() {
        ObjectNode e = event(chiayi, "F3-G1-K二", "2018", 3);
        e.put("unit", "案");
        e.put("observedAt", "2018-12-31T00:00:00Z");
        e.put("note", "three proposals");
        String id = e.get("eventId").asText();

        post(admin(), e).statusCode(202)
                .body("results", hasSize(1))
                .body("results[0].eventId", equalTo(id))
                .body("results[0].status", equalTo("accepted"))
                .body("results[0].errors", hasSize(0))
                .body("accepted", equalTo(1)).body("duplicates", equalTo(0)).body("rejected", equalTo(0));

        try (Topics recorded = Topics.read(companion, "measurements.recorded.v1")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !recorded.recording(id).isEmpty());
            ConsumerRecord<String, String> record = recorded.recording(id).get(0);
            assertThat(record.key()).isEqualTo(chiayi);
            assertThat(Topics.header(record, "eventType")).isEqualTo("MeasurementsRecorded");
            JsonNode envelope = Topics.json(record);
            assertThat(Topics.header(record, "eventId")).isEqualTo(envelope.get("eventId").asText()).isNotEqualTo(id);
            assertThat(envelope.get("aggregateId").asText()).isEqualTo(chiayi);
            assertThat(envelope.get("producer").asText()).isEqualTo("measurements-service");
            assertThat(envelope.at("/payload/planId").asText()).isEqualTo(chiayi);
            assertThat(envelope.at("/payload/measurements")).hasSize(1);
            JsonNode payload = envelope.at("/payload/measurements/0");
            assertThat(payload.get("eventId").asText()).isEqualTo(id);
            assertThat(payload.get("planId").asText()).isEqualTo(chiayi);
            assertThat(payload.get("planVersion").asInt()).isEqualTo(1);
            assertThat(payload.get("agencyId").asText()).isEqualTo(chiayiAgency);
            assertThat(payload.get("indicatorId").asText()).isEqualTo("F3-G1-K二");
            assertThat(payload.get("component").isNull()).isTrue();
            assertThat(payload.get("period").asText()).isEqualTo("2018");
            assertThat(payload.get("year").asInt()).isEqualTo(2018);
            assertThat(payload.get("value").isNumber()).isTrue();
            assertThat(payload.get("value").decimalValue()).isEqualByComparingTo("3");
            assertThat(payload.get("unit").asText()).isEqualTo("案");
            assertThat(payload.get("kind").asText()).isEqualTo("actual");
            assertThat(payload.get("supersedes").isNull()).isTrue();
            assertThat(payload.get("observedAt").asText()).isEqualTo("2018-12-31T00:00:00Z");
            assertThat(payload.get("recordedAt").asText()).isNotBlank();
            assertThat(payload.get("submittedBy").asText()).isEqualTo("test-admin");
            assertThat(payload.get("channel").asText()).isEqualTo("http");
            assertThat(payload.get("note").asText()).isEqualTo("three proposals");
        }
        Measurement stored = QuarkusTransaction.requiringNew().call(() -> Measurement.findById(UUID.fromString(id)));
        assertThat(stored.submittedBy).isEqualTo("test-admin");
        assertThat(stored.channel).isEqualTo("http");
        assertThat(stored.status).isEqualTo("active");
        assertThat(stored.recordedAt).isNotNull();
    }

    @Test
    void theSameEventTwiceIsADuplicateAndChangesNothing() {
        ObjectNode e = event(chiayi, "F1-G6-K二", "2018-03", "12");
        String id = e.get("eventId").asText();
        post(admin(), e).statusCode(202).body("results[0].status", equalTo("accepted"));
        // same event, value written differently (12.0 is 12), through another principal
        ObjectNode again = e.deepCopy();
        again.put("value", new BigDecimal("12.0"));
        post(agency(chiayiAgency), again).statusCode(202)
                .body("results[0].status", equalTo("duplicate"))
                .body("duplicates", equalTo(1)).body("accepted", equalTo(0));
        post(admin(), e).statusCode(202).body("results[0].status", equalTo("duplicate"));

        assertThat(count("eventId", UUID.fromString(id))).isEqualTo(1);
        try (Topics recorded = Topics.read(companion, "measurements.recorded.v1")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !recorded.measurement(id).isEmpty());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> recorded.measurement(id).size() == 1);
        }
    }

    @Test
    void theSameEventIdWithAnotherBodyIsAConflictingDuplicate() {
        ObjectNode e = event(chiayi, "F1-G6-K二", "2018-04", 10);
        post(admin(), e).statusCode(202).body("results[0].status", equalTo("accepted"));
        ObjectNode changed = e.deepCopy();
        changed.put("value", 11);
        post(admin(), changed).statusCode(409)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("eventId"))
                .body("errors[0].code", equalTo("CONFLICTING_DUPLICATE"))
                .body("errors[0].message", containsString("different body"));
        post(admin(), batch(changed)).statusCode(202)
                .body("results[0].status", equalTo("rejected"))
                .body("results[0].errors[0].code", equalTo("CONFLICTING_DUPLICATE"));
        Measurement stored = QuarkusTransaction.requiringNew()
                .call(() -> Measurement.findById(UUID.fromString(e.get("eventId").asText())));
        assertThat(stored.value).isEqualByComparingTo("10");
    }

    record Case(String code, String field, ObjectNode event) {
    }

    @Test
    void everyRejectionNamesItsFieldAndIsStoredListedAndPublished() {
        List<Case> cases = new ArrayList<>();
        ObjectNode e;
        e = event(chiayi, "F3-G1-K二", "2018", 1); e.remove("eventId");
        cases.add(new Case("MISSING_FIELD", "eventId", e));
        e = event(chiayi, "F3-G1-K二", "2018", 1); e.put("eventId", "not-a-uuid");
        cases.add(new Case("INVALID_FIELD", "eventId", e));
        e = event(chiayi, "F3-G1-K二", "2018", 1); e.remove("planId");
        cases.add(new Case("MISSING_FIELD", "planId", e));
        e = event(chiayi, null, "2018", 1); e.remove("indicatorId");
        cases.add(new Case("MISSING_FIELD", "indicatorId", e));
        e = event(chiayi, "F3-G1-K二", null, 1); e.remove("period");
        cases.add(new Case("MISSING_FIELD", "period", e));
        e = event(TestPlans.newId(), "F3-G1-K二", "2018", 1);
        cases.add(new Case("UNKNOWN_PLAN", "planId", e));
        e = event(chiayi, "F9-G9-K9", "2018", 1);
        cases.add(new Case("UNKNOWN_INDICATOR", "indicatorId", e));
        e = event(chiayi, "F4-G1-K一", "2018", 1); e.put("component", "Z");
        cases.add(new Case("UNKNOWN_COMPONENT", "component", e));
        e = event(chiayi, "F3-G1-K二", "2018", 1); e.put("component", "A");
        cases.add(new Case("UNKNOWN_COMPONENT", "component", e));
        e = event(chiayi, "F3-G1-K二", "2018-13", 1);
        cases.add(new Case("INVALID_PERIOD", "period", e));
        e = event(chiayi, "F3-G1-K二", "FY2018", 1);
        cases.add(new Case("INVALID_PERIOD", "period", e));
        e = event(chiayi, "F3-G1-K二", "2019", 1);
        cases.add(new Case("PERIOD_OUT_OF_RANGE", "period", e));
        e = event(chiayi, "F3-G1-K二", "2017-Q4", 1);
        cases.add(new Case("PERIOD_OUT_OF_RANGE", "period", e));
        e = event(chiayi, "F1-G1-K1", "2014", 1);
        cases.add(new Case("PERIOD_OUT_OF_RANGE", "period", e));
        e = event(chiayi, "F3-G1-K二", "2018", 1); e.put("unit", "件");
        cases.add(new Case("UNIT_MISMATCH", "unit", e));
        e = event(education, "G6-K2", "2020", new BigDecimal("8.5")); e.put("unit", "萬人次");
        cases.add(new Case("UNIT_MISMATCH", "unit", e));
        e = event(chiayi, "F3-G1-K二", "2018", "three");
        cases.add(new Case("INVALID_VALUE", "value", e));
        e = event(chiayi, "F3-G1-K二", "2018", "1,234");
        cases.add(new Case("INVALID_VALUE", "value", e));
        e = event(chiayi, "F3-G1-K二", "2018", null);
        cases.add(new Case("INVALID_VALUE", "value", e));
        e = event(chiayi, "F3-G1-K二", "2018", "NaN");
        cases.add(new Case("INVALID_VALUE", "value", e));
        e = event(chiayi, "F3-G1-K二", "2018", "1e400");
        cases.add(new Case("INVALID_VALUE", "value", e));
        e = event(chiayi, "F3-G1-K二", "2018", -1);
        cases.add(new Case("OUT_OF_RANGE", "value", e));
        e = event(chiayi, "F3-G1-K二", "2018", 1); e.put("kind", "estimate");
        cases.add(new Case("INVALID_KIND", "kind", e));
        e = event(chiayi, "F3-G1-K二", "2018", 1); e.put("supersedes", UUID.randomUUID().toString());
        cases.add(new Case("INVALID_KIND", "kind", e));
        e = event(chiayi, "F3-G1-K二", "2018", 1); e.put("kind", "correction");
        cases.add(new Case("MISSING_FIELD", "supersedes", e));
        e = event(chiayi, "F3-G1-K二", "2018", 1); e.put("observedAt", "yesterday");
        cases.add(new Case("INVALID_FIELD", "observedAt", e));
        e = event(chiayi, "F3-G1-K二", "2018", 1); e.put("evidenceUrl", "file:///etc/passwd");
        cases.add(new Case("INVALID_FIELD", "evidenceUrl", e));
        e = event(chiayi, "F3-G1-K二", "2018", 1); e.set("planId", Api.MAPPER.createObjectNode());
        cases.add(new Case("INVALID_FIELD", "planId", e));

        ObjectNode body = batch(cases.stream().map(Case::event).toArray(ObjectNode[]::new));
        body.withArray("events").add(Api.MAPPER.getNodeFactory().numberNode(42));
        var response = post(admin(), body).statusCode(202)
                .body("rejected", equalTo(cases.size() + 1)).body("accepted", equalTo(0))
                .extract().jsonPath();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            List<Map<String, String>> errors = response.getList("results[" + i + "].errors");
            assertThat(response.getString("results[" + i + "].status")).as("case %d %s", i, c.code).isEqualTo("rejected");
            assertThat(errors).as("case %d %s: %s", i, c.code, errors)
                    .anySatisfy(err -> {
                        assertThat(err.get("code")).isEqualTo(c.code);
                        assertThat(err.get("field")).isEqualTo(c.field);
                        assertThat(err.get("message")).isNotBlank();
                    });
        }
        assertThat(response.getString("results[" + cases.size() + "].errors[0].code")).isEqualTo("MALFORMED_EVENT");
        assertThat(response.getString("results[15].errors[0].message")).contains("萬").contains("post the value in 人次");
        assertThat(response.getString("results[7].errors[0].message")).contains("(accepts: A, B, C)");
        assertThat(response.getString("results[0].eventId")).isNull();

        // stored and listed, body as received
        String unknownPlan = cases.get(5).event.get("planId").asText();
        asAdmin().queryParam("planId", chiayi).queryParam("size", 1000).get("/api/v1/measurements/rejected").then()
                .statusCode(200)
                .body("items.findAll { it.errors[0].code == 'UNIT_MISMATCH' }.size()", equalTo(1))
                .body("items.findAll { it.errors[0].code == 'OUT_OF_RANGE' }[0].body.value", equalTo(-1))
                .body("items.findAll { it.errors[0].code == 'OUT_OF_RANGE' }[0].channel", equalTo("http"))
                .body("items.findAll { it.errors[0].code == 'OUT_OF_RANGE' }[0].principal", equalTo("test-admin"));
        asAdmin().queryParam("planId", unknownPlan).get("/api/v1/measurements/rejected").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].errors[0].code", equalTo("UNKNOWN_PLAN"))
                .body("items[0].errors[0].field", equalTo("planId"));

        // published on measurements.rejected.v1
        List<String> ids = cases.stream().map(c -> c.event.path("eventId").asText(null))
                .filter(id -> id != null && id.length() == 36).toList();
        try (Topics rejected = Topics.read(companion, "measurements.rejected.v1")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rejected.records(r ->
                    ids.contains(Topics.json(r).path("payload").path("eventId").asText()))
                    .stream().map(r -> Topics.json(r).path("payload").path("eventId").asText()).distinct().count())
                    .isEqualTo(ids.stream().distinct().count()));
            JsonNode unit = rejected.records(r -> cases.get(15).event.get("eventId").asText()
                    .equals(Topics.json(r).path("payload").path("eventId").asText())).stream().map(Topics::json)
                    .findFirst().orElseThrow();
            assertThat(unit.get("eventType").asText()).isEqualTo("MeasurementRejected");
            assertThat(unit.get("aggregateId").asText()).isEqualTo(education);
            JsonNode payload = unit.get("payload");
            assertThat(payload.get("rejectionId").asText()).isEqualTo(unit.get("eventId").asText());
            assertThat(payload.get("planId").asText()).isEqualTo(education);
            assertThat(payload.get("errors").get(0).get("code").asText()).isEqualTo("UNIT_MISMATCH");
            assertThat(payload.get("body").get("unit").asText()).isEqualTo("萬人次");
            assertThat(payload.get("channel").asText()).isEqualTo("http");
            assertThat(payload.get("receivedAt").asText()).isNotBlank();
        }
    }

    @Test
    void unitsMatchAfterNormalisationAndOmittedUnitsAreFine() {
        ObjectNode inBaseUnit = event(education, "G6-K2", "2020", 85000);
        inBaseUnit.put("unit", "人次");
        ObjectNode spaced = event(education, "G6-K2", "2020-H2", 1000);
        spaced.put("unit", " 人 次 ");
        ObjectNode noUnit = event(education, "G6-K2", "2021", 90000);
        ObjectNode fullWidthPercent = event(chiayi, "F4-G1-K一", "2018", new BigDecimal("81.5"));
        fullWidthPercent.put("unit", "％");
        post(admin(), batch(inBaseUnit, spaced, noUnit, fullWidthPercent)).statusCode(202)
                .body("accepted", equalTo(4));
        Measurement percent = QuarkusTransaction.requiringNew()
                .call(() -> Measurement.findById(UUID.fromString(fullWidthPercent.get("eventId").asText())));
        assertThat(percent.unit).isEqualTo("%");
    }

    @Test
    void ratesAboveOneHundredPercentAndComponentsAndBaselineYearsPass() {
        ObjectNode rate = event(chiayi, "F4-G1-K一", "2018", "143.0");
        rate.put("unit", "%");
        ObjectNode negativeGrowthIsReal = event(chiayi, "F4-G3-K1", "2018", "-3.5");
        ObjectNode component = event(chiayi, "F4-G1-K一", "2018-Q1", "1250000.50");
        component.put("component", "A");
        ObjectNode ruleComponent = event(chiayi, "F3-G4-K1", "2018", 1); // heads checked, of 003's proportional part
        ruleComponent.put("component", "done");
        ObjectNode baselineHistory = event(chiayi, "F1-G1-K1", "2015", "71.2");
        ObjectNode overTarget = event(chiayi, "F3-G1-K二", "2018", 7);
        post(admin(), batch(rate, negativeGrowthIsReal, component, ruleComponent, baselineHistory, overTarget))
                .statusCode(202).body("accepted", equalTo(6)).body("rejected", equalTo(0));
        Measurement stored = QuarkusTransaction.requiringNew()
                .call(() -> Measurement.findById(UUID.fromString(component.get("eventId").asText())));
        assertThat(stored.value).isEqualByComparingTo("1250000.5");
        assertThat(stored.component).isEqualTo("A");
        assertThat(stored.period).isEqualTo("2018-Q1");
    }

    @Test
    void anAgencyPostingForAnotherAgencysPlanIsForbiddenAndNothingIsStored() {
        ObjectNode own = event(chiayi, "F3-G1-K二", "2018", 2);
        ObjectNode foreign = event(education, "G6-K2", "2020", 80000);
        ObjectNode invalidOwn = event(chiayi, "F3-G1-K二", "2019", 2);
        long rejectedBefore = QuarkusTransaction.requiringNew().call(() -> RejectedMeasurement.count());

        agency(chiayiAgency).contentType(ContentType.JSON).body(Api.write(batch(own, invalidOwn, foreign)))
                .post("/api/v1/measurements").then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(403))
                .body("detail", containsString("Nothing was stored"))
                .body("errors[0].field", equalTo("planId"))
                .body("errors[0].message", containsString(education));
        assertThat(count("eventId", UUID.fromString(own.get("eventId").asText()))).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> RejectedMeasurement.count())).isEqualTo(rejectedBefore);

        // the same agency on its own plan is fine; an admin may post anything
        post(agency(chiayiAgency), own).statusCode(202).body("results[0].status", equalTo("accepted"));
        post(admin(), foreign).statusCode(202).body("results[0].status", equalTo("accepted"));
        Measurement stored = QuarkusTransaction.requiringNew()
                .call(() -> Measurement.findById(UUID.fromString(own.get("eventId").asText())));
        assertThat(stored.submittedBy).isEqualTo("key:" + chiayiAgency);
    }

    @Test
    void callersWithoutTheRightRoleAreTurnedAway() {
        ObjectNode e = event(chiayi, "F3-G1-K二", "2018", 2);
        RestAssured.given().contentType(ContentType.JSON).body(Api.write(e)).post("/api/v1/measurements").then()
                .statusCode(401).contentType(startsWith("application/problem+json"));
        asViewer().contentType(ContentType.JSON).body(Api.write(e))
                .post("/api/v1/measurements").then().statusCode(403).contentType(startsWith("application/problem+json"));
        as("key:nobody", "agency", null).contentType(ContentType.JSON).body(Api.write(e))
                .post("/api/v1/measurements").then().statusCode(403);
        as("key:root", "root", null).contentType(ContentType.JSON).body(Api.write(e))
                .post("/api/v1/measurements").then().statusCode(401);
        assertThat(count("eventId", UUID.fromString(e.get("eventId").asText()))).isZero();
    }

    @Test
    void badBodiesAreProblems() {
        admin().contentType(ContentType.JSON).body("{\"eventId\": ").post("/api/v1/measurements").then()
                .statusCode(400).contentType(startsWith("application/problem+json")).body("status", equalTo(400));
        admin().contentType(ContentType.JSON).body("[1, 2]").post("/api/v1/measurements").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        admin().contentType(ContentType.JSON).body("{\"events\": 3}").post("/api/v1/measurements").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));

        StringBuilder tooMany = new StringBuilder("{\"events\": [");
        for (int i = 0; i < 10_001; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{}");
        }
        tooMany.append("]}");
        admin().contentType(ContentType.JSON).body(tooMany.toString()).post("/api/v1/measurements").then()
                .statusCode(413).contentType(startsWith("application/problem+json"))
                .body("errors[0].code", equalTo("TOO_MANY_EVENTS"));
    }

    @Test
    void concurrentPostsOfTheSameEventsRecordEachOnce() throws Exception {
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            events.add(event(chiayi, "F1-G6-K二", "2018-" + String.format("%02d", 1 + i % 12), i));
        }
        ObjectNode actual = events.get(0);
        ObjectNode c1 = event(chiayi, "F1-G6-K二", "2018-01", 1000);
        c1.put("kind", "correction");
        c1.put("supersedes", actual.get("eventId").asText());
        ObjectNode c2 = c1.deepCopy();
        c2.put("eventId", UUID.randomUUID().toString());
        c2.put("value", 2000);
        List<ObjectNode> a = new ArrayList<>(events);
        a.add(c1);
        List<ObjectNode> b = new ArrayList<>(events);
        b.add(c2);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> post(admin(), batch(a.toArray(ObjectNode[]::new))).statusCode(202).extract().jsonPath());
            var second = pool.submit(() -> post(admin(), batch(b.toArray(ObjectNode[]::new))).statusCode(202).extract().jsonPath());
            var r1 = first.get();
            var r2 = second.get();
            assertThat(r1.getInt("accepted") + r2.getInt("accepted")).isEqualTo(1200 + 1);
            assertThat(r1.getInt("duplicates") + r2.getInt("duplicates")).isEqualTo(1200);
            assertThat(r1.getInt("rejected") + r2.getInt("rejected")).isEqualTo(1);
            List<String> s1 = r1.getList("results.status", String.class);
            List<String> s2 = r2.getList("results.status", String.class);
            for (int i = 0; i < 1200; i++) {
                assertThat(List.of(s1.get(i), s2.get(i))).as("event %d", i).containsExactlyInAnyOrder("accepted", "duplicate");
            }
            // the two corrections of the same event: one wins, the other sees it already superseded
            assertThat(List.of(s1.get(1200), s2.get(1200))).containsExactlyInAnyOrder("accepted", "rejected");
        } finally {
            pool.shutdownNow();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> Measurement.count("eventId in ?1",
                events.stream().map(e -> UUID.fromString(e.get("eventId").asText())).toList()))).isEqualTo(1200);
    }

    @Test
    void theTopicNamesTheKafkaSenderHeadersNeverDoAndForeignPlansOrGarbageAreRejectedVisibly() {
        ObjectNode foreign = event(chiayi, "F3-G1-K二", "2018", 1);
        ObjectNode own = event(chiayi, "F3-G1-K二", "2018", 2);
        // headers claiming admin or another agency are what a forger would send: they must change nothing
        var claimsAdmin = new org.apache.kafka.common.header.internals.RecordHeaders();
        claimsAdmin.add("X-Planscore-Role", "admin".getBytes());
        claimsAdmin.add("X-Planscore-Principal", "admin".getBytes());
        var claimsEducation = new org.apache.kafka.common.header.internals.RecordHeaders();
        claimsEducation.add("X-Planscore-Role", "agency".getBytes());
        claimsEducation.add("X-Planscore-Agency", educationAgency.getBytes());
        String garbageKey = TestPlans.newId();
        companion.produceStrings().fromRecords(List.of(
                new ProducerRecord<String, String>(SubmittedConsumer.AGENCY_TOPIC_PREFIX + educationAgency, null, null,
                        chiayi, Api.write(foreign), claimsAdmin),
                new ProducerRecord<String, String>(SubmittedConsumer.AGENCY_TOPIC_PREFIX + chiayiAgency, null, null,
                        chiayi, Api.write(own), claimsEducation),
                new ProducerRecord<String, String>("measurements.submitted.v1", garbageKey, "{not json")))
                .awaitCompletion(Duration.ofSeconds(30));
        UUID ownId = UUID.fromString(own.get("eventId").asText());
        Measurement stored = Outcomes.awaitRecorded(ownId);
        assertThat(stored.channel).isEqualTo("kafka");
        assertThat(stored.submittedBy).isEqualTo("kafka:agency-" + chiayiAgency);
        UUID foreignId = UUID.fromString(foreign.get("eventId").asText());
        RejectedMeasurement rejected = Outcomes.awaitRejected(foreignId, "FORBIDDEN");
        assertThat(rejected.channel).isEqualTo("kafka");
        assertThat(rejected.principal).isEqualTo("kafka:agency-" + educationAgency);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(QuarkusTransaction.requiringNew().call(() -> RejectedMeasurement
                    .<RejectedMeasurement>list("channel = 'kafka' and planId is null")))
                    .anySatisfy(r -> {
                        assertThat(r.body).contains("not json");
                        assertThat(r.errors).contains("MALFORMED_EVENT");
                        assertThat(r.principal).isEqualTo("kafka:admin");
                    });
        });
        assertThat(count("eventId", foreignId)).isZero();
    }

    @Test
    void oneUnreadableRecordInAPollLosesNoneOfTheOthers() throws Exception {
        ObjectNode first = event(chiayi, "F3-G1-K二", "2018", 4);
        ObjectNode nulInNote = event(chiayi, "F3-G1-K二", "2018", 5);
        nulInNote.put("note", "copied from\0a spreadsheet");
        ObjectNode nulInPlanId = event(chiayi.substring(0, 8) + "\0" + chiayi.substring(8), "F3-G1-K二", "2018", 6);
        ObjectNode last = event(chiayi, "F3-G1-K二", "2018", 7);
        String garbage = "{\"eventId\": \"" + UUID.randomUUID() + "\", not json \0";
        // NULs inside the text (leading and trailing ones are trimmed away like blanks);
        // one key: one partition, so the records arrive together, in this order
        companion.produceStrings().fromRecords(List.of(
                new ProducerRecord<>("measurements.submitted.v1", chiayi, Api.write(first)),
                new ProducerRecord<>("measurements.submitted.v1", chiayi, garbage),
                new ProducerRecord<>("measurements.submitted.v1", chiayi, "[1, 2]"),
                new ProducerRecord<>("measurements.submitted.v1", chiayi, Api.write(nulInNote)),
                new ProducerRecord<>("measurements.submitted.v1", chiayi, Api.write(nulInPlanId)),
                new ProducerRecord<>("measurements.submitted.v1", chiayi, Api.write(last))))
                .awaitCompletion(Duration.ofSeconds(30));

        UUID firstId = UUID.fromString(first.get("eventId").asText());
        UUID lastId = UUID.fromString(last.get("eventId").asText());
        await().atMost(Duration.ofSeconds(60)).until(() -> count("eventId", firstId) == 1 && count("eventId", lastId) == 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(rejectionCodes(nulInNote)).containsExactly("INVALID_FIELD");
            assertThat(rejectionCodes(nulInPlanId)).contains("INVALID_FIELD");
            assertThat(QuarkusTransaction.requiringNew().call(() -> RejectedMeasurement
                    .<RejectedMeasurement>list("channel = 'kafka' and planId is null"))).anySatisfy(r -> {
                        assertThat(r.body).contains("not json");
                        assertThat(r.errors).contains("MALFORMED_EVENT");
                    }).anySatisfy(r -> assertThat(r.body).contains("[1, 2]"));
        });
        assertThat(count("eventId", UUID.fromString(nulInNote.get("eventId").asText()))).isZero();
        RejectedMeasurement stored = QuarkusTransaction.requiringNew().call(() -> RejectedMeasurement
                .<RejectedMeasurement>find("eventId", UUID.fromString(nulInNote.get("eventId").asText())).firstResult());
        assertThat(Api.MAPPER.readTree(stored.body).get("note").asText()).isEqualTo("copied from\uFFFDa spreadsheet");

        // over HTTP the same event is rejected alone, naming the field; the rest of the batch is recorded
        ObjectNode valid = event(chiayi, "F3-G1-K二", "2018", 8);
        ObjectNode again = event(chiayi, "F3-G1-K二", "2018", 9);
        again.put("unit", "件\0件");
        post(admin(), batch(valid, again)).statusCode(202)
                .body("results[0].status", equalTo("accepted"))
                .body("results[1].status", equalTo("rejected"))
                .body("results[1].errors[0].field", equalTo("unit"));
    }

    private static List<String> rejectionCodes(ObjectNode event) throws Exception {
        UUID id = UUID.fromString(event.get("eventId").asText());
        List<RejectedMeasurement> rows = QuarkusTransaction.requiringNew()
                .call(() -> RejectedMeasurement.<RejectedMeasurement>list("eventId", id));
        List<String> codes = new ArrayList<>();
        for (RejectedMeasurement row : rows) {
            Api.MAPPER.readTree(row.errors).forEach(e -> codes.add(e.get("code").asText()));
        }
        return codes;
    }

    @Test
    void theOpenApiDocumentDescribesEveryOperation() {
        asAdmin().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/measurements'.post.responses.'202'.description", containsString("status per event"))
                .body("paths.'/api/v1/measurements'.get.summary", containsString("correction chains"))
                .body("paths.'/api/v1/measurements/import'.post.summary", containsString("CSV"))
                .body("paths.'/api/v1/measurements/rejected'.get.summary", containsString("rejected"));
    }

    private static long count(String field, Object value) {
        return QuarkusTransaction.requiringNew().call(() -> Measurement.count(field, value));
    }
}
