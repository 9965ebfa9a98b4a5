package io.planscore.measurements;

import io.planscore.infra.RealInfraResource;
import io.planscore.measurements.support.FakePlansService;
import io.planscore.measurements.domain.Measurement;
import io.planscore.measurements.support.TestPlans;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.planscore.measurements.support.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * measurements-service's consumers retry a transient failure and dead-letter a deterministic one, against real
 * Kafka and PostgreSQL; the dead letters are listed by the admin endpoint with their reason.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakePlansService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConsumerRetryTest {

    private static final String SUBMITTED_DLQ = "measurements.submitted.v1.dlq.measurements-service";
    private static final String PLANS_DLQ = "plans.plan-versions.v1.dlq.measurements-service";

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    DataSource dataSource;

    @AfterEach
    void noMoreFaults() throws SQLException {
        sql("DROP TRIGGER IF EXISTS test_fault ON measurement");
    }

    @Test
    void aSubmittedRecordThatMeetsADeadlockIsRetriedAndRecordedOnce() throws Exception {
        String plan = TestPlans.newId();
        TestPlans.approve(companion, plan, TestPlans.newId(), 1, TestPlans.CHIAYI_POLICE);
        // the first two inserts of this plan's measurements fail as a deadlock victim would
        sql("""
                CREATE SEQUENCE IF NOT EXISTS test_fault_attempts;
                ALTER SEQUENCE test_fault_attempts RESTART WITH 1;
                CREATE OR REPLACE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.plan_id = '%s' AND nextval('test_fault_attempts') <= 2 THEN
                    RAISE EXCEPTION 'injected deadlock' USING ERRCODE = '40P01';
                  END IF;
                  RETURN NEW;
                END $$;
                DROP TRIGGER IF EXISTS test_fault ON measurement;
                CREATE TRIGGER test_fault BEFORE INSERT ON measurement FOR EACH ROW EXECUTE FUNCTION test_fault();"""
                .formatted(plan));
        UUID eventId = UUID.randomUUID();
        companion.produceStrings().fromRecords(new ProducerRecord<>("measurements.submitted.v1", plan,
                "{\"eventId\": \"" + eventId + "\", \"planId\": \"" + plan + "\", \"indicatorId\": \"F3-G1-K二\", "
                        + "\"period\": \"2018\", \"value\": 1}")).awaitCompletion(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(60)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> Measurement.count("eventId", eventId)) == 1L);
        assertThat(attempts()).as("two failed attempts, then the one that succeeded").isEqualTo(3);
        assertThat(deadLetters(SUBMITTED_DLQ)).noneSatisfy(record -> assertThat(record.get("key")).isEqualTo(plan));
    }

    @Test
    void aPlanVersionWithoutAPlanIdIsDeadLetteredAtOnceWithItsReason() {
        String key = "no-plan-id-" + UUID.randomUUID();
        String envelope = TestPlans.envelope(UUID.randomUUID(), key, TestPlans.newId(), 1,
                TestPlans.document(TestPlans.CHIAYI_POLICE)).replace("\"planId\":\"" + key + "\",", "");
        TestPlans.send(companion, key, envelope);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters(PLANS_DLQ))
                .anySatisfy(record -> {
                    assertThat(record.get("key")).isEqualTo(key);
                    assertThat((String) record.get("reason")).contains("lacks planId");
                    assertThat(record.get("originalTopic")).isEqualTo(TestPlans.TOPIC);
                    assertThat((Integer) record.get("valueBytes")).isGreaterThan(2_000);
                    assertThat(record.get("valueTruncated")).isEqualTo(true);
                }));
    }

    private static List<Map<String, Object>> deadLetters(String topic) {
        return admin().get("/api/v1/admin/dead-letters?topic={topic}&size=100", topic)
                .then().statusCode(200).extract().jsonPath().getList("topics[0].records");
    }

    private long attempts() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT last_value FROM test_fault_attempts")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(statements);
        }
    }
}
