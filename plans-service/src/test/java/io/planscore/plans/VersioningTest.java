package io.planscore.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.infra.RealInfraResource;
import io.planscore.plans.repository.IndicatorIndexRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.planscore.infra.TestIdentities.asAdmin;
import static io.planscore.infra.TestIdentities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Versions of seed 003: revise, diff, approve with a justification, publish; lowering needs a justification. */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class VersioningTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    IndicatorIndexRepository indicators;

    /** 003 with F1-G2-K1 (goals[1]) raised from ≥90% to ≥92%. */
    private static ObjectNode raised() {
        ObjectNode doc = Fixtures.json("003");
        ObjectNode target = (ObjectNode) doc.get("goals").get(1).get("indicators").get(0).get("targets").get(0);
        target.put("raw", "≥92%").put("number", 92).put("value", 92);
        return doc;
    }

    @Test
    void reviseDiffApproveAndPublish() {
        JsonNode v1 = Api.json(Api.post("/api/v1/plans", Fixtures.text("003")).statusCode(201));
        String id = v1.get("id").asText();
        assertThat(PlanEvents.await(companion, id, 1)).hasSize(1);

        ObjectNode revised = raised();
        var put = Api.put("/api/v1/plans/" + id, Fixtures.write(revised)).statusCode(201);
        JsonNode draft = Api.json(put);
        assertThat(put.extract().header("Location")).isEqualTo("/api/v1/plans/" + id + "?version=2");
        assertThat(draft.get("version").asInt()).isEqualTo(2);
        assertThat(draft.get("status").asText()).isEqualTo("draft");
        assertThat(draft.get("currentVersion").asInt()).isEqualTo(1);

        // the version in force is still 1; version 2 is readable as a draft
        JsonNode inForce = Api.json(Api.get("/api/v1/plans/" + id).statusCode(200));
        assertThat(inForce.get("version").asInt()).isEqualTo(1);
        assertThat(inForce.get("document")).isEqualTo(Fixtures.json("003"));
        JsonNode readDraft = Api.json(Api.get("/api/v1/plans/" + id + "?version=2").statusCode(200));
        assertThat(readDraft.get("status").asText()).isEqualTo("draft");
        assertThat(readDraft.get("document")).isEqualTo(revised);

        JsonNode diff = Api.json(Api.get("/api/v1/plans/" + id + "/versions/1/diff/2").statusCode(200));
        assertThat(diff.get("changes")).extracting(c -> c.get("path").asText(), c -> c.get("op").asText(), c -> c.get("to").asText())
                .containsExactly(
                        tuple("goals[F1-G2].indicators[F1-G2-K1].targets[2018].raw", "changed", "≥92%"),
                        tuple("goals[F1-G2].indicators[F1-G2-K1].targets[2018].number", "changed", "92"),
                        tuple("goals[F1-G2].indicators[F1-G2-K1].targets[2018].value", "changed", "92"));

        // raising a target needs no justification, but one may be given
        JsonNode approved = Api.json(as("jwt:planner-7", "admin", null).contentType(Api.JSON)
                .body("{\"justification\": \"警政署 raised the national target.\"}")
                .when().post("/api/v1/plans/" + id + "/versions/2/approve").then().statusCode(200));
        assertThat(approved.get("status").asText()).isEqualTo("approved");
        assertThat(approved.get("approvedBy").asText()).isEqualTo("jwt:planner-7");
        assertThat(approved.get("currentVersion").asInt()).isEqualTo(2);

        JsonNode versions = Api.json(Api.get("/api/v1/plans/" + id + "/versions").statusCode(200));
        assertThat(versions).extracting(v -> v.get("version").asInt(), v -> v.get("status").asText(),
                        v -> v.get("createdBy").asText(), v -> v.path("justification").asText(null))
                .containsExactly(tuple(1, "superseded", Api.ADMIN, null),
                        tuple(2, "approved", Api.ADMIN, "警政署 raised the national target."));
        assertThat(versions.get(0).get("supersededAt").isNull()).isFalse();
        assertThat(versions.get(1).get("approvedBy").asText()).isEqualTo("jwt:planner-7");

        // both versions stay readable
        assertThat(Api.json(Api.get("/api/v1/plans/" + id + "?version=1")).get("document")).isEqualTo(Fixtures.json("003"));
        assertThat(Api.json(Api.get("/api/v1/plans/" + id)).get("document")).isEqualTo(revised);
        assertThat(Api.json(Api.get("/api/v1/plans/" + id)).get("status").asText()).isEqualTo("approved");

        // PlanVersionApproved v2 with the whole revised document
        List<ConsumerRecord<String, String>> records = PlanEvents.await(companion, id, 2);
        JsonNode event = Fixtures.parse(records.get(1).value());
        assertThat(event.get("eventType").asText()).isEqualTo("PlanVersionApproved");
        assertThat(event.get("aggregateVersion").asInt()).isEqualTo(2);
        assertThat(event.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(event.get("payload").get("version").asInt()).isEqualTo(2);
        assertThat(event.get("payload").get("approvedBy").asText()).isEqualTo("jwt:planner-7");
        assertThat(event.get("payload").get("agencyName").asText()).isEqualTo("嘉義市政府警察局");
        assertThat(event.get("payload").get("document")).isEqualTo(revised);
        assertThat(UUID.fromString(event.get("eventId").asText())).isNotNull();
        assertThat(event.get("aggregateId").asText()).isEqualTo(id);
        assertThat(records.get(1).key()).isEqualTo(id);
        assertThat(event.get("occurredAt").isTextual()).isTrue();
        assertThat(java.time.Instant.parse(event.get("payload").get("approvedAt").asText())).isNotNull();
        assertThat(event.get("payload").get("planId").asText()).isEqualTo(id);
        assertThat(event.get("payload").get("agencyId").asText()).isEqualTo(approved.get("agencyId").asText());

        // indicators keep their lineage across versions
        Map<String, UUID> lineage1 = lineage(id, 1);
        Map<String, UUID> lineage2 = lineage(id, 2);
        assertThat(lineage1).hasSize(30).isEqualTo(lineage2);

        // a version that is not a draft cannot be approved again
        asAdmin().contentType(Api.JSON).when().post("/api/v1/plans/" + id + "/versions/2/approve").then().statusCode(409)
                .contentType("application/problem+json");
        asAdmin().contentType(Api.JSON).when().post("/api/v1/plans/" + id + "/versions/1/approve").then().statusCode(409);
        asAdmin().contentType(Api.JSON).when().post("/api/v1/plans/" + id + "/versions/9/approve").then().statusCode(404);
        Api.get("/api/v1/plans/" + id + "?version=9").statusCode(404).contentType("application/problem+json");
        Api.get("/api/v1/plans/" + UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
        Api.get("/api/v1/plans/not-a-uuid").statusCode(404);
    }

    private Map<String, UUID> lineage(String planId, int version) {
        return QuarkusTransaction.requiringNew().call(() -> indicators.listForVersion(UUID.fromString(planId), version)
                .stream().collect(Collectors.toMap(e -> e.indicatorId, e -> e.lineageId)));
    }

    @Test
    void loweringATargetNeedsAJustification() {
        String id = Api.json(Api.post("/api/v1/plans", Fixtures.text("003")).statusCode(201)).get("id").asText();
        ObjectNode lowered = Fixtures.json("003");
        // F1-G5-K1 (goals[4]): ≥75% → ≥70%; F1-G6-K二 (goals[5].indicators[1]): 80 場次 → 60; and a new indicator
        ((ObjectNode) lowered.get("goals").get(4).get("indicators").get(0).get("targets").get(0))
                .put("raw", "≥70%").put("number", 70).put("value", 70);
        ((ObjectNode) lowered.get("goals").get(5).get("indicators").get(1).get("targets").get(0))
                .put("raw", "60(場次)").put("number", 60).put("value", 60);
        Api.put("/api/v1/plans/" + id, Fixtures.write(lowered)).statusCode(201);

        JsonNode problem = Api.json(asAdmin().contentType(Api.JSON).when().post("/api/v1/plans/" + id + "/versions/2/approve")
                .then().statusCode(422).contentType("application/problem+json"));
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText(), e -> e.get("code").asText()).containsExactly(
                tuple("goals[4].indicators[0].targets[0].value", "TARGET_LOWERED"),
                tuple("goals[5].indicators[1].targets[0].value", "TARGET_LOWERED"),
                tuple("justification", "REQUIRED"));
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("F1-G5-K1", "75", "70");
        asAdmin().contentType(Api.JSON).body("{\"justification\": \"   \"}")
                .when().post("/api/v1/plans/" + id + "/versions/2/approve").then().statusCode(422);
        // nothing changed
        JsonNode versions = Api.json(Api.get("/api/v1/plans/" + id + "/versions"));
        assertThat(versions).extracting(v -> v.get("status").asText()).containsExactly("approved", "draft");
        companion.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(PlanEvents.TOPIC, m -> m.filter(r -> id.equals(r.key())).skip().first(1))
                .awaitNoRecords(Duration.ofSeconds(2));

        JsonNode approved = Api.json(asAdmin().contentType(Api.JSON)
                .body("{\"justification\": \"Staff shortage after the 2018 reorganisation (市府函 107-0321).\"}")
                .when().post("/api/v1/plans/" + id + "/versions/2/approve").then().statusCode(200));
        assertThat(approved.get("justification").asText()).startsWith("Staff shortage");
        assertThat(PlanEvents.await(companion, id, 2)).hasSize(2);
    }

    @Test
    void draftPlansArePublishedOnlyWhenApproved() {
        var created = Api.post("/api/v1/plans?draft=true", Fixtures.text("004")).statusCode(201);
        JsonNode draft = Api.json(created);
        String id = draft.get("id").asText();
        assertThat(draft.get("status").asText()).isEqualTo("draft");
        assertThat(draft.get("currentVersion").isNull()).isTrue();
        JsonNode read = Api.json(Api.get("/api/v1/plans/" + id).statusCode(200));
        assertThat(read.get("status").asText()).isEqualTo("draft");
        assertThat(read.get("document")).isEqualTo(Fixtures.json("004"));
        companion.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(PlanEvents.TOPIC, m -> m.filter(r -> id.equals(r.key())))
                .awaitNoRecords(Duration.ofSeconds(2));

        JsonNode approved = Api.json(asAdmin().contentType(Api.JSON).when()
                .post("/api/v1/plans/" + id + "/versions/1/approve").then().statusCode(200));
        assertThat(approved.get("status").asText()).isEqualTo("approved");
        assertThat(approved.get("approvedBy").asText()).isEqualTo("test-admin");
        JsonNode event = Fixtures.parse(PlanEvents.await(companion, id, 1).get(0).value());
        assertThat(event.get("aggregateVersion").asInt()).isEqualTo(1);
        assertThat(event.get("payload").get("document")).isEqualTo(Fixtures.json("004"));
    }
}
