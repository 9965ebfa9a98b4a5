package io.planscore.scoring.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.infra.RealInfraResource;
import io.planscore.engine.measure.LiveValue;
import io.planscore.scoring.events.ScoringInputsConsumer;
import io.planscore.scoring.repository.LiveValueRepository;
import io.planscore.scoring.repository.MeasurementRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.planscore.infra.TestIdentities.asAdmin;
import static io.planscore.scoring.flow.ScoringEvents.polled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumers take a poll of records as one batch. The same history, given to one pair of plans as a single
 * batch (with duplicates and an unreadable record) and to a twin pair one record at a time, must leave identical
 * scorecards; the batch makes one version per plan-year, its redelivery changes nothing, and the live values
 * recomputations read equal the aggregate of the events that count.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BatchScoringFlowTest {

    private static final String SEED_001 = "001_keelung-police_107-110.json";
    private static final String SEED_003 = "003_chiayi-police_107.json";
    private static final List<String> INDICATORS_001 = List.of("G1-K1", "G2-K1", "G3-K1", "G4-K1", "G5-K1", "G6-K1");
    private static final List<String> INDICATORS_003 = List.of("F1-G1-K1", "F3-G1-K二", "F3-G3-K一", "F2-G1-K1");
    private static final int BATCHED = 1;
    private static final int ONE_BY_ONE = 2;
    private static final int CHUNKED = 3;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    ObjectMapper mapper;

    @Inject
    ScoringInputsConsumer consumer;

    @Inject
    LiveValueRepository liveValues;

    @Inject
    MeasurementRepository measurements;

    /** A plan of a government of its own (rank_bonus peer groups name it). */
    private record Plan(String id, String government) {
    }

    /** One event of the history, named by its place in it; {@code supersedes} is the place of the one it replaces. */
    private record Step(int place, boolean seed001, String indicatorId, String period, String value, String kind,
                        Integer supersedes) {
    }

    @Test
    void aBatchScoresExactlyAsItsEventsOneByOneAndItsRedeliveryChangesNothing() throws Exception {
        ScoringEvents events = new ScoringEvents(kafka, mapper);
        Map<Integer, Plan> plans001 = Map.of(BATCHED, plan(events, SEED_001), ONE_BY_ONE, plan(events, SEED_001),
                CHUNKED, plan(events, SEED_001));
        Map<Integer, Plan> plans003 = Map.of(BATCHED, plan(events, SEED_003), ONE_BY_ONE, plan(events, SEED_003),
                CHUNKED, plan(events, SEED_003));
        long run = new Random().nextLong() & 0xffff_ffff_0000_0000L;
        List<Step> history = history(new Random(20261204));

        // One poll, as measurements-service records them: each run of steps for one plan, up to 6, in one record.
        List<String> records = new ArrayList<>();
        List<ObjectNode> together = new ArrayList<>();
        for (Step step : history) {
            if (!together.isEmpty() && (together.size() == 6
                    || !together.get(0).get("planId").asText().equals(planOf(step, BATCHED, plans001, plans003)))) {
                records.add(events.recorded(together));
                together = new ArrayList<>();
            }
            together.add(measurement(events, step, BATCHED, run, plans001, plans003));
        }
        records.add(events.recorded(together));
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            batch.add(records.get(i));
            if (i % 4 == 0) {
                batch.add(records.get(i)); // delivered twice in the same poll
            }
        }
        batch.add(5, "not an event envelope");
        consumer.onMeasurements(polled(batch));
        // One measurement a poll, each in a record of its own: the form measurements-service wrote before batching.
        for (Step step : history) {
            consumer.onMeasurements(polled(List.of(
                    events.recordedAlone(measurement(events, step, ONE_BY_ONE, run, plans001, plans003)))));
        }
        // Polls of a few records: each merges into cells earlier polls filled, some of which it also corrects.
        Random chunks = new Random(7);
        for (int from = 0; from < history.size(); ) {
            int to = Math.min(history.size(), from + 2 + chunks.nextInt(8));
            consumer.onMeasurements(polled(history.subList(from, to).stream()
                    .map(step -> events.recorded(measurement(events, step, CHUNKED, run, plans001, plans003)))
                    .toList()));
            from = to;
        }

        for (int side : List.of(ONE_BY_ONE, CHUNKED)) {
            for (int year = 2018; year <= 2021; year++) {
                assertSameScorecard(plans001, side, year, history.size(), run);
            }
            assertSameScorecard(plans003, side, 2018, history.size(), run);
        }
        // The plan version's scorecard, then the batch's.
        assertThat(versions(plans001.get(BATCHED).id(), 2018)).isEqualTo(2);
        assertThat(versions(plans003.get(BATCHED).id(), 2018)).isEqualTo(2);

        consumer.onMeasurements(polled(batch));
        assertThat(versions(plans001.get(BATCHED).id(), 2018)).isEqualTo(2);
        assertThat(versions(plans003.get(BATCHED).id(), 2018)).isEqualTo(2);

        // What recomputations read (live_value, maintained per batch) is the aggregate of the events that count.
        for (Plan plan : List.of(plans001.get(BATCHED), plans003.get(BATCHED), plans001.get(ONE_BY_ONE),
                plans001.get(CHUNKED), plans003.get(CHUNKED))) {
            QuarkusTransaction.requiringNew().run(() -> assertThat(liveValues.ofPlan(plan.id()))
                    .containsExactlyInAnyOrderElementsOf(LiveValue.of(measurements.counting(plan.id())).stream()
                            .map(LiveValue::withoutEventIds).toList()));
        }
    }

    /**
     * Actuals over several years and periods, corrections (some to another period of the same year) and retractions
     * of earlier ones.
     */
    private static List<Step> history(Random random) {
        List<Step> steps = new ArrayList<>();
        List<Step> live = new ArrayList<>();
        for (int place = 0; place < 80; place++) {
            int roll = random.nextInt(10);
            Step step;
            if (roll < 3 && !live.isEmpty()) {
                Step target = live.remove(random.nextInt(live.size()));
                boolean retract = roll == 0;
                String period = retract || random.nextInt(3) > 0 ? target.period()
                        : target.period().substring(0, 4) + "-%02d".formatted(1 + random.nextInt(12));
                step = new Step(place, target.seed001(), target.indicatorId(), period,
                        retract ? null : Integer.toString(random.nextInt(120)), retract ? "retraction" : "correction",
                        target.place());
            } else {
                boolean seed001 = random.nextBoolean();
                List<String> indicators = seed001 ? INDICATORS_001 : INDICATORS_003;
                int year = seed001 ? 2017 + random.nextInt(3) : 2017 + random.nextInt(2);
                String period = random.nextBoolean() ? Integer.toString(year) : year + "-%02d".formatted(1 + random.nextInt(12));
                step = new Step(place, seed001, indicators.get(random.nextInt(indicators.size())), period,
                        Integer.toString(random.nextInt(120)), "actual", null);
            }
            steps.add(step);
            if (!"retraction".equals(step.kind())) {
                live.add(step);
            }
        }
        return steps;
    }

    private static Plan plan(ScoringEvents events, String seed) {
        ObjectNode document = events.document(seed);
        return new Plan(events.planScored(document, 2018), document.path("plan").path("government").asText());
    }

    private static String planOf(Step step, int side, Map<Integer, Plan> plans001, Map<Integer, Plan> plans003) {
        return (step.seed001() ? plans001 : plans003).get(side).id();
    }

    private ObjectNode measurement(ScoringEvents events, Step step, int side, long run, Map<Integer, Plan> plans001,
                                   Map<Integer, Plan> plans003) {
        ObjectNode measurement = events.measurement(eventId(run, step.place(), side),
                planOf(step, side, plans001, plans003), step.indicatorId(), step.period(), step.value());
        measurement.put("kind", step.kind())
                .put("recordedAt", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(step.place()).toString());
        if (step.supersedes() != null) {
            measurement.put("supersedes", eventId(run, step.supersedes(), side).toString());
        }
        return measurement;
    }

    /** Twins' ids differ only in their last digit, so both histories sort their ids alike. */
    private static UUID eventId(long run, int place, int side) {
        return new UUID(run + place, side);
    }

    /** A twin's scorecard, its plan and event ids replaced by the batched twin's, is the same. */
    private void assertSameScorecard(Map<Integer, Plan> twins, int side, int year, int places, long run)
            throws Exception {
        Plan batched = twins.get(BATCHED);
        Plan twin = twins.get(side);
        String twinScorecard = scorecard(twin.id(), year).toString()
                .replace(twin.id(), batched.id()).replace(twin.government(), batched.government());
        for (int place = 0; place < places; place++) {
            twinScorecard = twinScorecard.replace(eventId(run, place, side).toString(),
                    eventId(run, place, BATCHED).toString());
        }
        assertThat(scorecard(batched.id(), year)).isEqualTo(mapper.readTree(twinScorecard));
    }

    private JsonNode scorecard(String planId, int year) throws Exception {
        return mapper.readTree(asAdmin().get("/api/v1/scores/plans/{planId}?year={year}", planId, year)
                .then().statusCode(200).extract().asString()).path("scorecard");
    }

    private static int versions(String planId, int year) {
        return asAdmin().get("/api/v1/scores/plans/{planId}/history?year={year}", planId, year)
                .then().statusCode(200).extract().jsonPath().getInt("total");
    }
}
