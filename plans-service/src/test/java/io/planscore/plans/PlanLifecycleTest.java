package io.planscore.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;


import static io.planscore.infra.TestIdentities.asAdmin;
import static io.planscore.infra.TestIdentities.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Step 1 of the slice: a fixture posted as is is stored, read back intact and published. */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PlanLifecycleTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void postedFixtureIsStoredReadBackAndPublished() {
        String text = Fixtures.text("001");
        JsonNode created = Fixtures.parse(as("key:ab12", "admin", null).contentType("application/json; charset=UTF-8")
                .body(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/plans")
                .then().statusCode(201).extract().asByteArray());
        String id = created.get("id").asText();
        assertThat(created.get("version").asInt()).isEqualTo(1);
        assertThat(created.get("status").asText()).isEqualTo("approved");
        assertThat(created.get("title").asText()).isEqualTo("基隆市警察局中程施政計畫（107 至 110 年度）");
        assertThat(created.get("approvedBy").asText()).isEqualTo("key:ab12");

        JsonNode read = Fixtures.parse(asAdmin().when().get("/api/v1/plans/" + id)
                .then().statusCode(200).extract().asByteArray());
        assertThat(read.get("document")).isEqualTo(Fixtures.parse(text));
        assertThat(read.get("agencyName").asText()).isEqualTo("基隆市警察局");

        ConsumerRecord<String, String> record = PlanEvents.await(companion, id, 1).get(0);
        JsonNode envelope = Fixtures.parse(record.value());
        assertThat(envelope.get("eventType").asText()).isEqualTo("PlanVersionApproved");
        assertThat(envelope.get("aggregateId").asText()).isEqualTo(id);
        assertThat(envelope.get("aggregateVersion").asInt()).isEqualTo(1);
        assertThat(envelope.get("producer").asText()).isEqualTo("plans-service");
        assertThat(envelope.get("payload").get("planId").asText()).isEqualTo(id);
        assertThat(envelope.get("payload").get("agencyName").asText()).isEqualTo("基隆市警察局");
        assertThat(envelope.get("payload").get("document")).isEqualTo(Fixtures.parse(text));
        assertThat(new String(record.headers().lastHeader("eventType").value())).isEqualTo("PlanVersionApproved");
    }
}
