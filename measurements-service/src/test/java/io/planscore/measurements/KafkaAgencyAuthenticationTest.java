package io.planscore.measurements;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.infra.EmbeddedKafka;
import io.planscore.infra.InjectEmbeddedKafka;
import io.planscore.infra.KafkaAccess;
import io.planscore.infra.RealInfraResource;
import io.planscore.measurements.domain.Measurement;
import io.planscore.measurements.support.Api;
import io.planscore.measurements.support.FakePlansService;
import io.planscore.measurements.support.Outcomes;
import io.planscore.measurements.support.TestPlans;
import io.planscore.measurements.support.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.planscore.measurements.support.Api.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Agencies' systems on a broker that runs as in production: SASL/SCRAM with ACLs, measurements-service signed in
 * as its own user. An agency's user may write only its own topic, and what it writes is recorded for its agency
 * whatever the record's headers claim.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = RealInfraResource.KAFKA_USER, value = "measurements-service"))
@WithTestResource(value = FakePlansService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KafkaAgencyAuthenticationTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @InjectEmbeddedKafka
    EmbeddedKafka kafka;

    static String chiayi;
    static String chiayiAgency;
    static String education;
    static String educationAgency;
    static Map<String, Object> chiayiClient;

    @BeforeEach
    void agencies() {
        if (chiayi == null) {
            chiayi = TestPlans.newId();
            chiayiAgency = TestPlans.newId();
            education = TestPlans.newId();
            educationAgency = TestPlans.newId();
            TestPlans.approve(companion, chiayi, chiayiAgency, 1, TestPlans.CHIAYI_POLICE);
            TestPlans.approve(companion, education, educationAgency, 1, TestPlans.KEELUNG_EDUCATION);
            chiayiClient = issue(chiayiAgency);
            issue(educationAgency);
        }
    }

    /** What docs/operations.md tells an operator to do: the agency's topic, then its user and ACLs. */
    private Map<String, Object> issue(String agencyId) {
        kafka.createTopic(KafkaAccess.agencyTopic(agencyId), 3);
        String password = UUID.randomUUID().toString();
        kafka.createUser(KafkaAccess.agencyUser(agencyId), password, KafkaAccess.agencyAcls(agencyId));
        return kafka.userConfig(KafkaAccess.agencyUser(agencyId), password);
    }

    @Test
    void anAgencysRecordsAreItsOwnWhateverTheHeadersClaimAndAForeignPlanIsRejectedAndKept() throws Exception {
        ObjectNode own = event(chiayi, "F3-G1-K二", "2018", 7);
        ObjectNode foreign = event(education, "F3-G1-K二", "2018", 8);
        RecordHeaders claimsAdmin = new RecordHeaders();
        claimsAdmin.add("X-Planscore-Role", "admin".getBytes());
        claimsAdmin.add("X-Planscore-Principal", "admin".getBytes());
        RecordHeaders claimsEducation = new RecordHeaders();
        claimsEducation.add("X-Planscore-Role", "agency".getBytes());
        claimsEducation.add("X-Planscore-Agency", educationAgency.getBytes());
        String topic = KafkaAccess.agencyTopic(chiayiAgency);
        try (KafkaProducer<String, String> producer = producer(chiayiClient)) {
            producer.send(new ProducerRecord<>(topic, null, chiayi, Api.write(own), claimsEducation))
                    .get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(topic, null, education, Api.write(foreign), claimsAdmin))
                    .get(30, TimeUnit.SECONDS);
        }

        UUID ownId = UUID.fromString(own.get("eventId").asText());
        Measurement stored = Outcomes.awaitRecorded(ownId);
        assertThat(stored.channel).isEqualTo("kafka");
        assertThat(stored.submittedBy).isEqualTo("kafka:agency-" + chiayiAgency);

        UUID foreignId = UUID.fromString(foreign.get("eventId").asText());
        assertThat(Outcomes.awaitRejected(foreignId, "FORBIDDEN").principal).isEqualTo("kafka:agency-" + chiayiAgency);
        assertThat(count(foreignId)).isZero();
        try (Topics rejections = Topics.read(companion, "measurements.rejected.v1")) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    !rejections.records(r -> r.value().contains(foreignId.toString())).isEmpty());
        }
    }

    @Test
    void anAgencysUserCanWriteNoOtherTopic() {
        ObjectNode e = event(education, "F3-G1-K二", "2018", 9);
        List<String> forbidden = List.of(
                "measurements.submitted.v1",
                KafkaAccess.agencyTopic(educationAgency),
                "measurements.recorded.v1",
                "plans.plan-versions.v1");
        try (KafkaProducer<String, String> producer = producer(chiayiClient)) {
            for (String topic : forbidden) {
                Throwable refused = catchThrowable(() -> producer.send(
                        new ProducerRecord<>(topic, education, Api.write(e))).get(30, TimeUnit.SECONDS));
                assertThat(refused).as(topic).isNotNull();
                Throwable cause = refused.getCause() != null ? refused.getCause() : refused;
                assertThat(cause).as(topic).isInstanceOf(TopicAuthorizationException.class);
            }
        }
        assertThat(count(UUID.fromString(e.get("eventId").asText()))).isZero();
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put("max.block.ms", 10_000);
        config.put("delivery.timeout.ms", 20_000);
        config.put("request.timeout.ms", 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static long count(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> Measurement.count("eventId", eventId));
    }
}
