package io.planscore.measurements.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.infra.RealInfraResource;
import io.planscore.measurements.support.FakePlansService;
import io.planscore.measurements.support.TestPlans;
import io.planscore.measurements.support.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakePlansService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PlanReadModelTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    PlanCatalog catalog;

    Map<String, IndicatorRules> indicators(String planId) {
        return QuarkusTransaction.requiringNew().call(() -> catalog.load(java.util.List.of(planId)))
                .get(planId).indicators();
    }

    @Test
    void anApprovedVersionBecomesTheRulesOfItsPlan() {
        String plan = TestPlans.newId();
        String agency = TestPlans.newId();
        TestPlans.approve(companion, plan, agency, 1, TestPlans.CHIAYI_POLICE);

        PlanVersionModel model = QuarkusTransaction.requiringNew().call(() -> PlanVersionModel.findById(plan));
        assertThat(model.agencyId).isEqualTo(agency);
        assertThat(model.adStart).isEqualTo(2018);
        assertThat(model.adEnd).isEqualTo(2018);

        Map<String, IndicatorRules> rules = indicators(plan);
        assertThat(rules).hasSize(30);
        IndicatorRules proposals = rules.get("F3-G1-K二");
        assertThat(proposals.unit()).isEqualTo("案");
        assertThat(proposals.nonNegative()).isTrue();
        assertThat(proposals.components()).isEmpty();
        IndicatorRules budget = rules.get("F4-G1-K一");
        assertThat(budget.components()).containsExactly("A", "B", "C");
        assertThat(rules.get("F3-G4-K1").components()).containsExactly("A", "B", "P1", "P2", "done", "scheduled");
        assertThat(budget.unit()).isEqualTo("%");
        assertThat(budget.nonNegative()).isFalse();
        assertThat(rules.get("F1-G1-K1").baselineYears()).isEqualTo(3);
        assertThat(rules.get("F2-G4-K1").baselineYears()).isEqualTo(1);
        assertThat(rules.get("F3-G1-K二").baselineYears()).isZero();
    }

    @Test
    void redeliveriesAndOlderVersionsChangeNothing() {
        String plan = TestPlans.newId();
        String agency = TestPlans.newId();
        UUID eventId = UUID.randomUUID();
        TestPlans.send(companion, plan, TestPlans.envelope(eventId, plan, agency, 2, TestPlans.document(TestPlans.CHIAYI_POLICE)));
        TestPlans.awaitVersion(plan, 2);

        // the same eventId again (even claiming a newer version) is a redelivery: skipped by the inbox
        TestPlans.send(companion, plan, TestPlans.envelope(eventId, plan, agency, 5, TestPlans.document(TestPlans.KEELUNG_EDUCATION)));
        // a newer version replaces the indicators; an older one arriving late is ignored
        TestPlans.send(companion, plan, TestPlans.envelope(UUID.randomUUID(), plan, agency, 3,
                TestPlans.document(TestPlans.KEELUNG_EDUCATION)));
        TestPlans.send(companion, plan, TestPlans.envelope(UUID.randomUUID(), plan, agency, 1,
                TestPlans.document(TestPlans.CHIAYI_POLICE)));
        TestPlans.awaitVersion(plan, 3);
        String marker = TestPlans.newId();
        TestPlans.approve(companion, marker, agency, 1, TestPlans.CHIAYI_POLICE); // everything before it was consumed

        assertThat(TestPlans.version(plan)).isEqualTo(3);
        Map<String, IndicatorRules> rules = indicators(plan);
        assertThat(rules).containsKey("G6-K2").doesNotContainKey("F3-G1-K二");
        assertThat(rules.get("G6-K2").unit()).isEqualTo("人次");
        assertThat(rules.get("G6-K2").scale()).isEqualTo(10000);
        PlanVersionModel model = QuarkusTransaction.requiringNew().call(() -> PlanVersionModel.findById(plan));
        assertThat(model.adStart).isEqualTo(2020);
        assertThat(model.adEnd).isEqualTo(2023);
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        String plan = TestPlans.newId();
        ObjectNode noPeriod = (ObjectNode) TestPlans.document(TestPlans.CHIAYI_POLICE);
        ((ObjectNode) noPeriod.get("plan")).remove("period");
        try (Topics dlq = Topics.read(companion, "plans.plan-versions.v1.dlq.measurements-service")) {
            TestPlans.send(companion, plan, "this is not an envelope");
            TestPlans.send(companion, plan, TestPlans.envelope(UUID.randomUUID(), plan, TestPlans.newId(), 1, noPeriod));
            await().atMost(Duration.ofSeconds(60)).until(() -> dlq.withKey(plan).size() == 2);
            assertThat(Topics.header(dlq.withKey(plan).get(0), "dead-letter-reason")).isNotBlank();
        }
        assertThat(TestPlans.version(plan)).isZero();
        String next = TestPlans.newId();
        TestPlans.approve(companion, next, TestPlans.newId(), 1, TestPlans.KEELUNG_POLICE);
    }
}
