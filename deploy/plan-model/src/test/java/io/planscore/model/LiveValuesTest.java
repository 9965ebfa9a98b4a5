package io.planscore.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.engine.Measurement;
import io.planscore.engine.PlanModel;
import io.planscore.engine.PlanModel.Indicator;
import io.planscore.engine.Scorecard;
import io.planscore.engine.ScoringContext;
import io.planscore.engine.ScoringEngine;
import io.planscore.engine.calc.Polarity;
import io.planscore.engine.measure.Aggregation;
import io.planscore.engine.measure.LiveValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.planscore.engine.Plans.YEAR;
import static io.planscore.engine.Plans.indicator;
import static io.planscore.engine.Plans.numeric;
import static io.planscore.engine.Plans.unweighted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live scoring reads per-period aggregates of the events (live_value), never the events: scoring from
 * {@link LiveValue#of} the events, without their ids as storage keeps them, must give exactly the scorecard the
 * events themselves give — values, statuses, points, flags, totals, derivation steps and input counts.
 */
class LiveValuesTest {

    private static final List<String> PERIODS = List.of("", "-H2", "-Q4", "-12", "-Q1", "-03", "-H1", "-07");
    private static final List<Instant> INSTANTS = List.of(Instant.parse("2019-01-15T00:00:00Z"),
            Instant.parse("2019-02-01T00:00:00Z"), Instant.parse("2019-02-01T00:00:00Z"));

    private final ScoringEngine engine = new ScoringEngine();
    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random(20261204);

    @Test
    void everySeedPlanScoresAlikeFromItsEventsAndFromTheirLiveValues() {
        for (Path file : Fixtures.all()) {
            PlanModel plan = Fixtures.plan(file.getFileName().toString());
            List<Measurement> events = new ArrayList<>();
            plan.indicators().forEach(indicator -> events.addAll(history(indicator, plan.years())));
            for (int year : plan.years()) {
                assertSameScorecard(plan, year, events);
            }
        }
    }

    @Test
    void everyAggregationTakesTheSameEventAcrossPeriodsEndingTogetherAndTies() {
        for (Aggregation aggregation : Aggregation.values()) {
            Indicator indicator = indicator("K", "件", Polarity.HIGHER_IS_BETTER, numeric("10", "件"))
                    .withAggregation(aggregation);
            for (int round = 0; round < 50; round++) {
                assertSameScorecard(unweighted(indicator), YEAR, history(indicator, List.of(YEAR)));
            }
        }
    }

    private void assertSameScorecard(PlanModel plan, int year, List<Measurement> events) {
        List<LiveValue> stored = LiveValue.of(events).stream().map(LiveValue::withoutEventIds).toList();
        Scorecard fromEvents = engine.score(plan, year, events, ScoringContext.empty());
        Scorecard fromLiveValues = engine.scoreLive(plan, year, stored, ScoringContext.empty());
        JsonNode expected = json.valueToTree(fromEvents);
        JsonNode actual = json.valueToTree(fromLiveValues);
        assertThat(actual).isEqualTo(expected);
        fromEvents.indicators().forEach(score ->
                assertThat(score.inputCount()).as(score.id()).isEqualTo(score.inputEventIds().size()));
    }

    /** Direct values and every component, over the plan's years and the year before, in clashing periods. */
    private List<Measurement> history(Indicator indicator, List<Integer> years) {
        Set<String> components = new TreeSet<>(indicator.componentAggregations().keySet());
        if (indicator.formula() != null) {
            components.addAll(indicator.formula().expression().symbols());
            indicator.formula().derived().values().forEach(expression -> components.addAll(expression.symbols()));
            components.removeAll(indicator.formula().constants().keySet());
        }
        List<String> names = new ArrayList<>(components);
        names.add(null);
        List<Measurement> events = new ArrayList<>();
        for (int year = years.get(0) - 1; year <= years.get(years.size() - 1); year++) {
            for (int i = random.nextInt(6); i > 0; i--) {
                String component = names.get(random.nextInt(names.size()));
                String value = Integer.toString(random.nextInt(4)) + (random.nextBoolean() ? "" : ".0");
                events.add(new Measurement(UUID.randomUUID().toString(), indicator.id(), component,
                        year + PERIODS.get(random.nextInt(PERIODS.size())), new BigDecimal(value),
                        random.nextInt(5) == 0 ? null : INSTANTS.get(random.nextInt(INSTANTS.size()))));
            }
        }
        return events;
    }
}
