package io.planscore.scoring.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.planscore.infra.TestIdentities.asAdmin;
import static io.planscore.infra.TestIdentities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * rank_bonus across peer plans (SCORING.md §6, seeds-model R10): seed 003's 「爭取中央計畫型補助款」 bonus ranks
 * the bureaus by grant growth, top 4 score 4 × (4 − rank + 1) / 4, negative growth scores nothing, and the
 * result is provisional until every peer has reported. Three plans of one peer group report through Kafka; a
 * peer's correction re-ranks the others; a revision moving a plan to another group takes it out of this one;
 * the rebuild reproduces every version.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PeerRankingFlowTest {

    private static final String SEED_003 = "003_chiayi-police_107.json";
    private static final String GROWTH = "F4-G3-K1";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    ObjectMapper mapper;

    @Test
    void peersAreRankedOnEveryReportAndCorrection() {
        ScoringEvents events = new ScoringEvents(kafka, mapper);
        String group = "bureaus of test city " + UUID.randomUUID();
        List<String> bureaus = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bureaus.add(events.planScored(inGroup(events.document(SEED_003), group), 2018));
        }
        String police = bureaus.get(0), finance = bureaus.get(1), works = bureaus.get(2);

        reportGrowth(events, police, "120"); // (120 − 100) / 100 × 100 = 20 %
        // Ranked alone so far, and provisional: two peers have not reported.
        awaitRank(police, "4", true, false);

        UUID financeGrants = reportGrowth(events, finance, "135"); // 35 %: first
        awaitRank(finance, "4", true, false);
        awaitRank(police, "3", true, false); // second: 4 × (4 − 2 + 1) / 4

        reportGrowth(events, works, "90"); // −10 %: excluded, and now everyone has reported
        awaitRank(works, "0", false, true);
        awaitRank(finance, "4", false, false);
        awaitRank(police, "3", false, false);

        // Finance's audited figure is lower: 15 %. The police bureau moves up without posting anything.
        ObjectNode corrected = events.measurement(UUID.randomUUID(), finance, GROWTH, "2018", "115");
        corrected.put("component", "A").put("kind", "correction").put("supersedes", financeGrants.toString());
        events.record(corrected);
        awaitRank(police, "4", false, false);
        awaitRank(finance, "3", false, false);
        asAdmin().get("/api/v1/scores/plans/{planId}?year=2018", police).then().statusCode(200)
                .body("trigger.eventType", equalTo("PeerResultReported"));

        // The police bureau's revision ranks it in another group: it leaves this one, finance moves up, and the
        // police bureau, alone in its new group, waits for peers again.
        events.approve(police, 2, inGroup(events.document(SEED_003), "another city " + UUID.randomUUID()));
        awaitRank(finance, "4", false, false);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode indicator = indicator(police);
            assertThat(indicator.path("status").asText()).isEqualTo("PENDING");
            assertThat(indicator.path("flags").toString()).contains("AWAITING_PEER_RESULTS");
        });

        JsonPath rebuilt = RebuildJobs.rebuildAndWait();
        assertThat(rebuilt.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(rebuilt.getBoolean("identical")).isTrue();
        awaitRank(finance, "4", false, false);
    }

    private static ObjectNode inGroup(ObjectNode document, String group) {
        document.path("goals").forEach(goal -> goal.path("indicators").forEach(indicator -> {
            if (indicator.path("id").asText().equals(GROWTH)) {
                ((ObjectNode) indicator.path("scoring_rule")).put("peer_group", group);
            }
        }));
        return document;
    }

    /** This year's grants as component A against last year's 100 as B; returns the id of A's event. */
    private static UUID reportGrowth(ScoringEvents events, String planId, String thisYear) {
        UUID thisYearsEvent = UUID.randomUUID();
        ObjectNode lastYear = events.measurement(UUID.randomUUID(), planId, GROWTH, "2018", "100");
        events.record(lastYear.put("component", "B"));
        events.record(events.measurement(thisYearsEvent, planId, GROWTH, "2018", thisYear).put("component", "A"));
        return thisYearsEvent;
    }

    private void awaitRank(String planId, String points, boolean provisional, boolean excluded) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode indicator = indicator(planId);
            assertThat(indicator.path("points").decimalValue()).as("points").isEqualByComparingTo(points);
            List<String> flags = new ArrayList<>();
            indicator.path("flags").forEach(flag -> flags.add(flag.asText()));
            assertThat(flags.contains("PROVISIONAL")).as("provisional, flags " + flags).isEqualTo(provisional);
            assertThat(flags.contains("RANK_EXCLUDED")).as("excluded, flags " + flags).isEqualTo(excluded);
        });
    }

    private JsonNode indicator(String planId) throws Exception {
        return mapper.readTree(asAdmin()
                .get("/api/v1/scores/plans/{planId}/indicators/{indicatorId}?year=2018", planId, GROWTH)
                .asString()).path("indicator");
    }
}
