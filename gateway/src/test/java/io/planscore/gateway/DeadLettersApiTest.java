package io.planscore.gateway;

import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The gateway's own dead letters (its score-updates consumer) through the admin API, and the routing of the
 * other services' topics to them (echoed by {@link FakeUpstreams}).
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeadLettersApiTest {

    private static final String DLQ = "scoring.score-updated.v1.dlq.gateway";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void anUnreadableScoreUpdateIsDeadLetteredAtOnceWithItsReasonAndListed() {
        ScoreUpdatesTopic.ensureTopic(kafka);
        String key = "not-an-envelope-" + UUID.randomUUID();
        kafka.produceStrings().fromRecords(new ProducerRecord<>(ScoreUpdatesTopic.TOPIC, key, "{\"eventId\": 42"))
                .awaitCompletion();

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter(key) != null);
        Map<String, Object> record = deadLetter(key);
        assertThat(record).containsEntry("originalTopic", ScoreUpdatesTopic.TOPIC).containsEntry("redriven", false)
                .containsEntry("value", "{\"eventId\": 42").containsEntry("valueTruncated", false);
        assertThat((String) record.get("reason")).startsWith("Not a planscore event envelope");
        assertThat(record.get("originalOffset")).isNotNull();
        // gathered with the other services' pages (the fake services list no topics)
        ApiSecurityTest.as(ApiSecurityTest.ADMIN_KEY).get("/api/v1/admin/dead-letters")
                .then().statusCode(200).body("topics.topic", equalTo(List.of(DLQ)));
    }

    @Test
    void anotherServicesTopicIsAskedOfThatService() {
        ApiSecurityTest.as(ApiSecurityTest.ADMIN_KEY)
                .post("/api/v1/admin/dead-letters/{topic}/redrive", "plans.plan-versions.v1.dlq.measurements-service")
                .then().statusCode(200).body("audience", equalTo("measurements-service"))
                .body("path", equalTo("/api/v1/admin/dead-letters/plans.plan-versions.v1.dlq.measurements-service/redrive"));
        ApiSecurityTest.as(ApiSecurityTest.ADMIN_KEY)
                .get("/api/v1/admin/dead-letters?topic=measurements.recorded.v1.dlq.scoring-service&size=5")
                .then().statusCode(200).body("audience", equalTo("scoring-service"))
                .body("query", equalTo("topic=measurements.recorded.v1.dlq.scoring-service&size=5"));
        ApiSecurityTest.as(ApiSecurityTest.ADMIN_KEY).get("/api/v1/admin/dead-letters?topic=elsewhere.dlq")
                .then().statusCode(404).contentType("application/problem+json");
        ApiSecurityTest.as(ApiSecurityTest.ADMIN_KEY).get("/api/v1/admin/dead-letters?size=0")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static Map<String, Object> deadLetter(String key) {
        List<Map<String, Object>> records = ApiSecurityTest.as(ApiSecurityTest.ADMIN_KEY)
                .get("/api/v1/admin/dead-letters?topic={topic}&size=100", DLQ)
                .then().statusCode(200).extract().jsonPath().getList("topics[0].records");
        return records.stream().filter(record -> key.equals(record.get("key"))).findFirst().orElse(null);
    }
}
