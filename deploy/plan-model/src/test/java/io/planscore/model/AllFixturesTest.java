package io.planscore.model;

import io.planscore.engine.Measurement;
import io.planscore.engine.PlanModel;
import io.planscore.engine.PlanModel.Indicator;
import io.planscore.engine.Scorecard;
import io.planscore.engine.ScoringContext;
import io.planscore.engine.ScoringEngine;
import io.planscore.engine.target.TargetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every fixture reads, and every indicator of every plan year gets a status from a generated measurement. */
class AllFixturesTest {

    private final ScoringEngine engine = new ScoringEngine();

    static List<Path> fixtures() {
        return Fixtures.all();
    }

    @Test
    void all_23_fixtures_are_found() {
        assertThat(Fixtures.all()).hasSize(23);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void every_indicator_of_every_year_gets_a_status(Path file) {
        PlanModel plan = PlanDocumentReader.read(file.getFileName().toString(), 1, Fixtures.document(file));
        List<Measurement> measurements = measurementsFor(plan);

        for (int year : plan.years()) {
            Scorecard card = engine.score(plan, year, measurements, ScoringContext.empty());

            assertThat(card.indicators()).hasSize((int) plan.indicators().count());
            assertThat(card.indicators()).allSatisfy(indicator -> {
                assertThat(indicator.status()).isNotNull();
                assertThat(indicator.steps()).isNotEmpty();
                if (indicator.achievement() != null) {
                    assertThat(indicator.achievement()).isBetween(BigDecimal.ZERO, plan.achievementCap());
                }
            });
            if (card.totalScore() != null) {
                assertThat(card.totalScore()).isBetween(BigDecimal.ZERO, card.maxScore());
            }
        }
    }

    @Test
    void seed_003_total_stays_within_0_and_100() {
        PlanModel plan = Fixtures.plan("003_chiayi-police_107.json");
        Scorecard card = engine.score(plan, 2018, measurementsFor(plan), ScoringContext.empty());

        assertThat(card.weighted()).isTrue();
        assertThat(card.maxScore()).isEqualByComparingTo("100");
        assertThat(card.totalScore()).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
    }

    /** One direct value per indicator and plan year (the target value, or 1), plus the year before for baselines. */
    private static List<Measurement> measurementsFor(PlanModel plan) {
        List<Measurement> measurements = new ArrayList<>();
        for (Indicator indicator : plan.indicators().toList()) {
            for (int year : plan.years()) {
                BigDecimal value = indicator.targets().get(year) instanceof TargetSpec.Numeric numeric
                        ? numeric.value() : BigDecimal.ONE;
                measurements.add(new Measurement(indicator.id() + "@" + year, indicator.id(), null,
                        String.valueOf(year), value, Instant.parse("2025-01-01T00:00:00Z")));
            }
            measurements.add(new Measurement(indicator.id() + "@prior", indicator.id(), null,
                    String.valueOf(plan.years().get(0) - 1), BigDecimal.ONE, Instant.parse("2025-01-01T00:00:00Z")));
        }
        return measurements;
    }
}
