package io.planscore.scoring.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.infra.RealInfraResource;
import io.planscore.scoring.repository.MeasurementRepository;
import io.planscore.scoring.repository.RebuildJobRepository;
import io.planscore.scoring.repository.ScorecardRepository;
import io.planscore.scoring.service.ScoreRebuild;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.planscore.infra.TestIdentities.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * A long random sequence of measurements, corrections, retractions, duplicates and plan revisions over
 * an unweighted and a weighted plan; then a rebuild job recomputes every plan-year from the stored inputs
 * and must find every live scorecard identical; history is listed in pages of summaries and asOf and
 * single versions still answer. A job refuses a second one, a live scorecard that differs gets a new
 * version, and a job left running by a stopped process is INTERRUPTED when scoring starts again.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RebuildTest {

    private static final List<String> INDICATORS_001 = List.of("G1-K1", "G2-K1", "G3-K1", "G4-K1", "G5-K1", "G6-K1");
    private static final List<String> INDICATORS_003 = List.of("F1-G1-K1", "F3-G1-K二", "F3-G3-K一", "F2-G1-K1");

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeasurementRepository measurements;

    @Inject
    ScorecardRepository scorecards;

    @Inject
    RebuildJobRepository jobs;

    @Inject
    ScoreRebuild rebuild;

    @Test
    void aRebuildAfterARandomHistoryReproducesTheLiveScoresExactly() {
        ScoringEvents events = new ScoringEvents(kafka, mapper);
        Random random = new Random(20261122);
        String unweighted = events.planScored("001_keelung-police_107-110.json", 2018);
        String weighted = events.planScored("003_chiayi-police_107.json", 2018);
        long before = QuarkusTransaction.requiringNew().call(measurements::count);

        List<ObjectNode> active = new ArrayList<>();
        int sent = 0;
        for (int i = 0; i < 150; i++) {
            boolean first = random.nextBoolean();
            String planId = first ? unweighted : weighted;
            List<String> indicators = first ? INDICATORS_001 : INDICATORS_003;
            int roll = random.nextInt(10);
            ObjectNode event;
            if (roll < 2 && !active.isEmpty()) {
                ObjectNode target = active.remove(random.nextInt(active.size()));
                boolean retract = roll == 0;
                event = events.measurement(UUID.randomUUID(), target.get("planId").asText(),
                        target.get("indicatorId").asText(), target.get("period").asText(),
                        retract ? null : Integer.toString(random.nextInt(120)));
                event.put("kind", retract ? "retraction" : "correction").put("supersedes", target.get("eventId").asText());
                if (!retract) {
                    active.add(event);
                }
            } else {
                int year = first ? 2017 + random.nextInt(3) : 2017 + random.nextInt(2);
                String period = random.nextBoolean() ? Integer.toString(year) : year + "-%02d".formatted(1 + random.nextInt(12));
                event = events.measurement(UUID.randomUUID(), planId, indicators.get(random.nextInt(indicators.size())),
                        period, Integer.toString(random.nextInt(120)));
                active.add(event);
            }
            events.record(event);
            sent++;
            if (roll == 9) {
                events.record(event); // a duplicate delivery
            }
            if (i == 75) {
                ObjectNode revised = events.document("003_chiayi-police_107.json");
                ((ObjectNode) revised.path("goals").get(0).path("indicators").get(0)).put("name", "revised");
                events.approve(weighted, 2, revised);
            }
        }
        int expected = sent;
        await().atMost(Duration.ofSeconds(120)).until(() ->
                QuarkusTransaction.requiringNew().call(measurements::count) == before + expected);

        JsonPath job = RebuildJobs.rebuildAndWait();
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getList("differingPlanYears")).isEmpty();
        assertThat(job.getBoolean("identical")).isTrue();
        assertThat(job.getInt("versionsAppended")).isZero();
        assertThat(job.getDouble("progress")).isEqualTo(1.0);
        assertThat(job.getLong("inputsReplayed")).isGreaterThanOrEqualTo(expected + 3L);
        assertThat(job.getInt("planYears")).isGreaterThanOrEqualTo(5); // 001 covers 2018-2021, 003 covers 2018
        assertThat(job.getString("finishedAt")).isNotNull();

        JsonPath oldest = asAdmin().get("/api/v1/scores/plans/{planId}/history?year=2018&order=oldest&size=2", weighted)
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0]", not(hasKey("scorecard")))
                .extract().jsonPath();
        long total = oldest.getLong("total");
        assertThat(total).isGreaterThan(2);
        assertThat(oldest.getList("items.scoreVersion", Integer.class)).containsExactly(1, 2);
        assertThat(oldest.getString("items[0].trigger.eventType")).isEqualTo("PlanVersionApproved");
        assertThat(oldest.getMap("items[1].statusCounts")).containsKeys("met", "atRisk", "offTrack", "pending",
                "notScored");
        assertThat(oldest.getMap("items[1].coverage")).containsKeys("withTarget", "scored", "share");
        asAdmin().get("/api/v1/scores/plans/{planId}/history?year=2018&page=1&size=2", weighted)
                .then().statusCode(200)
                .body("order", equalTo("newest"))
                .body("items.scoreVersion", contains((int) total - 2, (int) total - 3));

        String firstComputedAt = oldest.getString("items[0].computedAt");
        asAdmin().get("/api/v1/scores/plans/{planId}?year=2018&asOf={asOf}", weighted, firstComputedAt)
                .then().statusCode(200).body("scoreVersion", equalTo(1));
        var latest = asAdmin().get("/api/v1/scores/plans/{planId}?year=2018", weighted).then().statusCode(200)
                .extract().jsonPath();
        asAdmin().get("/api/v1/scores/plans/{planId}?year=2018&version=2", weighted)
                .then().statusCode(200).body("scoreVersion", equalTo(2)).body("scorecard.year", equalTo(2018));
        assertThat(oldest.getString("items[1].totalScore")).isEqualTo(asAdmin()
                .get("/api/v1/scores/plans/{planId}?year=2018&version=2", weighted).jsonPath()
                .getString("scorecard.totalScore"));
        assertThat(latest.getLong("scoreVersion")).isEqualTo(total);
    }

    @Test
    void historyParametersOutOfRangeAreNamedInProblemDetails() {
        String planId = new ScoringEvents(kafka, mapper).planScored("001_keelung-police_107-110.json", 2018);
        assertBadParameter("/api/v1/scores/plans/{planId}/history?year=2018&size=501", planId, "size");
        assertBadParameter("/api/v1/scores/plans/{planId}/history?year=2018&page=-1", planId, "page");
        assertBadParameter("/api/v1/scores/plans/{planId}/history?year=2018&order=sideways", planId, "order");
        assertBadParameter("/api/v1/scores/plans/{planId}/history", planId, "year");
        assertBadParameter("/api/v1/scores/plans/{planId}?version=1", planId, "year");
        asAdmin().get("/api/v1/scores/plans/{planId}?year=2018&version=99", planId).then().statusCode(404);
        assertBadParameter("/api/v1/scores/rebuild/{jobId}", "not-a-uuid", "jobId");
    }

    @Test
    void aLiveScorecardThatDiffersGetsANewVersionAndHistoryIsKept() {
        String planId = new ScoringEvents(kafka, mapper).planScored("003_chiayi-police_107.json", 2018);
        String correctBody = QuarkusTransaction.requiringNew().call(() -> scorecards.latest(planId, 2018).orElseThrow().body);
        // A fault in live scoring, simulated: its latest version is not what the inputs give.
        QuarkusTransaction.requiringNew().run(() -> scorecards.latest(planId, 2018).orElseThrow().body = "{}");

        JsonPath job = RebuildJobs.rebuildAndWait();
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getBoolean("identical")).isFalse();
        assertThat(job.getList("differingPlanYears")).containsExactly(planId + "/2018");
        assertThat(job.getInt("versionsAppended")).isEqualTo(1);

        JsonPath history = asAdmin().get("/api/v1/scores/plans/{planId}/history?year=2018", planId)
                .then().statusCode(200).body("total", equalTo(2)).extract().jsonPath();
        assertThat(history.getString("items[0].trigger.eventType")).isEqualTo("rebuild");
        assertThat(history.getString("items[0].trigger.eventId")).isEqualTo(job.getString("jobId"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> scorecards.latest(planId, 2018).orElseThrow().body))
                .isEqualTo(correctBody);
        var published = kafka.consumeStrings().fromTopics("scoring.score-updated.v1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(published.getRecords())
                .anySatisfy(record -> assertThat(record.value()).contains(planId, "\"rebuild\"")));
        published.stop();

        assertThat(RebuildJobs.rebuildAndWait().getBoolean("identical")).isTrue();
    }

    @Test
    void aSecondRebuildIsRefusedWhileOneRunsAndAJobLeftRunningByAStoppedProcessIsInterrupted() {
        UUID orphan = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> jobs.getEntityManager().createNativeQuery("""
                        INSERT INTO rebuild_job (id, state, requested_at, started_at, snapshot_seq)
                        VALUES (?1, 'RUNNING', now(), now(), 1)""").setParameter(1, orphan).executeUpdate());

        asAdmin().post("/api/v1/scores/rebuild")
                .then().statusCode(409).contentType(startsWith("application/problem+json"));

        assertThat(rebuild.recoverInterrupted()).isEqualTo(1); // what scoring does when it starts
        asAdmin().get("/api/v1/scores/rebuild/{jobId}", orphan).then().statusCode(200)
                .body("state", equalTo("INTERRUPTED"))
                .body("identical", nullValue())
                .body("error", containsString("stopped"));

        assertThat(RebuildJobs.rebuildAndWait().getString("state")).isEqualTo("SUCCEEDED");
    }

    private static void assertBadParameter(String path, String pathParam, String field) {
        asAdmin().get(path, pathParam).then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem(field));
    }
}
