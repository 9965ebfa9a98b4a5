package io.planscore.scoring.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.planscore.infra.TestIdentities.asAdmin;
import static io.planscore.infra.TestIdentities.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * Retries and dead letters against real Kafka and PostgreSQL. Faults are injected by the database itself: a
 * trigger on {@code measurement} fails the insert of a chosen plan's measurement with a chosen SQLSTATE, the
 * first {@code times} attempts (or always), and counts the attempts in a sequence (not rolled back).
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeadLetterFlowTest {

    private static final String SEED_001 = "001_keelung-police_107-110.json";
    private static final String DLQ = "measurements.recorded.v1.dlq.scoring-service";
    private static final String PLAN_VERSIONS_DLQ = "plans.plan-versions.v1.dlq.scoring-service";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String INVALID_PARAMETER_VALUE = "22023";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    private ScoringEvents events;

    @BeforeEach
    void faultInjection() throws SQLException {
        events = new ScoringEvents(kafka, mapper);
        sql("""
                CREATE TABLE IF NOT EXISTS test_fault (plan_id TEXT PRIMARY KEY, errcode TEXT NOT NULL, times INT);
                CREATE SEQUENCE IF NOT EXISTS test_fault_attempts;
                CREATE OR REPLACE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                  fault test_fault%ROWTYPE;
                  attempt BIGINT;
                BEGIN
                  SELECT * INTO fault FROM test_fault WHERE plan_id = NEW.plan_id;
                  IF FOUND THEN
                    attempt := nextval('test_fault_attempts');
                    IF fault.times IS NULL OR attempt <= fault.times THEN
                      RAISE EXCEPTION 'injected fault % for plan %', attempt, NEW.plan_id USING ERRCODE = fault.errcode;
                    END IF;
                  END IF;
                  RETURN NEW;
                END $$;
                DROP TRIGGER IF EXISTS test_fault ON measurement;
                CREATE TRIGGER test_fault BEFORE INSERT ON measurement FOR EACH ROW EXECUTE FUNCTION test_fault();
                DELETE FROM test_fault;
                ALTER SEQUENCE test_fault_attempts RESTART WITH 1;""");
    }

    @AfterEach
    void noMoreFaults() throws SQLException {
        sql("DROP TRIGGER IF EXISTS test_fault ON measurement"); // the database may serve the next test class
    }

    @Test
    void aTransientFailureIsRetriedAndTheEventScoredOnceWithNothingDeadLettered() throws Exception {
        String planId = events.planScored(SEED_001, 2018);
        fault(planId, SERIALIZATION_FAILURE, 2);
        UUID eventId = UUID.randomUUID();
        events.record(events.measurement(eventId, planId, "G2-K1", "2018", "40"));

        awaitScoredBy(planId, eventId);
        assertThat(attempts()).as("two failed attempts, then the one that succeeded").isEqualTo(3);
        Thread.sleep(1_000); // a second application, were there one, would have produced a version by now
        assertThat(triggers(planId)).containsOnlyOnce(eventId.toString());
        assertThat(deadLetterKeys()).doesNotContain(planId);
    }

    @Test
    void aDeterministicFailureIsDeadLetteredWithItsReasonAndARedriveAfterTheFixScoresItOnce() throws Exception {
        String planId = events.planScored(SEED_001, 2018);
        fault(planId, INVALID_PARAMETER_VALUE, null);
        UUID eventId = UUID.randomUUID();
        events.record(events.measurement(eventId, planId, "G2-K1", "2018", "40"));

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterKeys().contains(planId));
        int total = asAdmin().get("/api/v1/admin/dead-letters?topic={topic}", DLQ).then().statusCode(200)
                .extract().path("topics[0].total");
        ConsumerRecord<String, String> deadLetter = kafka.consumeStrings().fromTopics(DLQ, total)
                .awaitCompletion(Duration.ofSeconds(30)).getRecords().stream()
                .filter(record -> planId.equals(record.key())).findFirst().orElseThrow();
        assertThat(attempts()).as("not retried").isEqualTo(1);
        assertThat(deadLetter.value()).contains(eventId.toString());
        assertThat(header(deadLetter, "dead-letter-reason")).isNotBlank();
        assertThat(header(deadLetter, "dead-letter-topic")).isEqualTo(ScoringEvents.RECORDED);
        assertThat(header(deadLetter, "dead-letter-partition")).isNotBlank();
        assertThat(header(deadLetter, "dead-letter-offset")).isNotBlank();
        Map<String, Object> listed = listedDeadLetter(planId);
        assertThat(listed).containsEntry("originalTopic", ScoringEvents.RECORDED).containsEntry("redriven", false);
        assertThat((String) listed.get("reason")).isNotBlank();
        assertThat((String) listed.get("value")).contains(eventId.toString());
        assertThat(triggers(planId)).doesNotContain(eventId.toString());

        sql("DELETE FROM test_fault"); // the cause is fixed
        int resent = asAdmin().post("/api/v1/admin/dead-letters/{topic}/redrive", DLQ)
                .then().statusCode(200).body("topic", equalTo(DLQ)).body("originalTopic", equalTo(ScoringEvents.RECORDED))
                .extract().path("resent");
        assertThat(resent).isGreaterThanOrEqualTo(1);
        awaitScoredBy(planId, eventId);

        asAdmin().post("/api/v1/admin/dead-letters/{topic}/redrive", DLQ)
                .then().statusCode(200).body("resent", equalTo(0));
        assertThat(listedDeadLetter(planId)).containsEntry("redriven", true);
        Thread.sleep(1_000); // a second application, were there one, would have produced a version by now
        assertThat(triggers(planId)).containsOnlyOnce(eventId.toString());
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAloneAndTheRecordsAfterItAreApplied() {
        // on the plan-versions channel: re-driven by another test, it would only come back to its dead-letter topic
        String planId = UUID.randomUUID().toString();
        String unreadable = "{\"eventId\": \"not an envelope of " + planId + "\"";
        kafka.produceStrings().fromRecords(new ProducerRecord<>(ScoringEvents.PLAN_VERSIONS, planId, unreadable))
                .awaitCompletion();
        events.approve(planId, 1, events.document(SEED_001)); // same key, same partition: right after it

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().get("/api/v1/scores/plans/{planId}?year=2018", planId).then().statusCode(200)
                        .body("planVersion", equalTo(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterKeys(PLAN_VERSIONS_DLQ).contains(planId));
        Map<String, Object> listed = listedDeadLetter(PLAN_VERSIONS_DLQ, planId);
        assertThat(listed.get("value")).isEqualTo(unreadable);
        assertThat((String) listed.get("reason")).contains("Not a planscore event envelope");
        assertThat(deadLetterKeys(PLAN_VERSIONS_DLQ)).containsOnlyOnce(planId);
    }

    @Test
    void onlyAdministratorsSeeDeadLettersAndAnUnknownTopicIsNotFound() {
        asViewer().get("/api/v1/admin/dead-letters").then().statusCode(403)
                .contentType("application/problem+json");
        asAdmin().post("/api/v1/admin/dead-letters/{topic}/redrive", "no.such.topic.dlq.scoring-service")
                .then().statusCode(404).contentType("application/problem+json");
        asAdmin().get("/api/v1/admin/dead-letters?size=101").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        asAdmin().get("/api/v1/admin/dead-letters").then().statusCode(200)
                .body("topics.topic", hasItems(DLQ,
                        "plans.plan-versions.v1.dlq.scoring-service", "scoring.peer-results.v1.dlq.scoring-service"));
    }

    private void awaitScoredBy(String planId, UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().get("/api/v1/scores/plans/{planId}?year=2018", planId).then().statusCode(200)
                        .body("trigger.eventId", equalTo(eventId.toString())));
    }

    private List<String> triggers(String planId) {
        return asAdmin().get("/api/v1/scores/plans/{planId}/history?year=2018", planId)
                .then().statusCode(200).extract().jsonPath().getList("items.trigger.eventId");
    }

    private List<String> deadLetterKeys() {
        return deadLetterKeys(DLQ);
    }

    private List<String> deadLetterKeys(String topic) {
        return asAdmin().get("/api/v1/admin/dead-letters?topic={topic}&size=100", topic)
                .then().statusCode(200).extract().jsonPath().getList("topics[0].records.key");
    }

    private Map<String, Object> listedDeadLetter(String planId) {
        return listedDeadLetter(DLQ, planId);
    }

    private Map<String, Object> listedDeadLetter(String topic, String planId) {
        List<Map<String, Object>> records = asAdmin().get("/api/v1/admin/dead-letters?topic={topic}&size=100", topic)
                .then().statusCode(200).extract().jsonPath().getList("topics[0].records");
        return records.stream().filter(record -> planId.equals(record.get("key"))).findFirst().orElseThrow();
    }

    private void fault(String planId, String errcode, Integer times) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO test_fault (plan_id, errcode, times) VALUES (?, ?, ?)")) {
            insert.setString(1, planId);
            insert.setString(2, errcode);
            insert.setObject(3, times);
            insert.executeUpdate();
        }
    }

    private long attempts() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM test_fault_attempts")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(statements);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
