package io.planscore.model;

import io.planscore.engine.Measurement;
import io.planscore.engine.PlanModel;
import io.planscore.engine.Scorecard;
import io.planscore.engine.Scorecard.GoalScore;
import io.planscore.engine.Scorecard.IndicatorScore;
import io.planscore.engine.ScoringContext;
import io.planscore.engine.ScoringEngine;
import io.planscore.engine.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 001 (基隆市警察局 107–110, unweighted), year 108 = 2019, scored from hand-picked measurements. Every
 * expected number below is worked out by hand from SCORING.md §2–§5.
 */
class Seed001HandComputedTest {

    private static Scorecard card;

    private static Measurement m(String id, String indicator, String period, String value) {
        return new Measurement(id, indicator, null, period, new BigDecimal(value), Instant.parse("2020-01-20T00:00:00Z"));
    }

    private static Measurement c(String id, String indicator, String component, String period, String value) {
        return new Measurement(id, indicator, component, period, new BigDecimal(value), Instant.parse("2020-01-20T00:00:00Z"));
    }

    @BeforeAll
    static void score() {
        PlanModel plan = Fixtures.plan("001_keelung-police_107-110.json");
        List<Measurement> measurements = List.of(
                m("1", "G1-K1", "2019", "90"),                                  // 90/85 = 1.0588 → 1: 100 MET
                m("2", "G1-K2", "2019", "76.5"),                                // 76.5/85 = 0.9: 90 AT_RISK
                // G1-K3: nothing → PENDING                                      G1 = (100 + 90) / 2 = 95
                m("3", "G2-K1", "2019-Q1", "10"), m("4", "G2-K1", "2019-Q2", "10"),
                m("5", "G2-K1", "2019-Q3", "10"), m("6", "G2-K1", "2019-Q4", "10"), // sum 40/50 = 0.8: G2 = 80
                m("7", "G3-K1", "2019-06", "70"), m("8", "G3-K1", "2019-12", "88"), // % → last 88/80 → 1: 100
                m("9", "G3-K2", "2019", "0"),                                   // no reduction: 0/1 = 0; G3 = 50
                m("10", "G4-K1", "2018", "3"),                                  // 2018 only: 2019 is PENDING, G4 none
                m("11", "G5-K1", "2019", "25"),                                 // 25/50 = 0.5: 50
                m("12", "G5-K2", "2019", "75"),                                 // 75/75: 100 MET; G5 = 75
                m("13", "G6-K1", "2019", "72"),                                 // 72/80 = 0.9: 90
                m("14", "G6-K2", "2019", "85"),                                 // 100; G6-K3 PENDING; G6 = 95
                c("15", "C1-K1", "A", "2019", "1000"), c("16", "C1-K1", "B1", "2019", "900"),
                c("17", "C1-K1", "B2", "2019", "60"),   // B = 960: (1000 − 960)/1000 × 100 = 4 ≥ 3 → 100
                c("18", "C2-K1", "A", "2019", "48"), c("19", "C2-K1", "B", "2019", "50"), // growth −4% ≤ 0% → 100
                c("20", "C3-K1", "A", "2019", "63"), c("21", "C3-K1", "B", "2019", "100")); // 63/70 = 0.9 → 90
        card = new ScoringEngine().score(plan, 2019, measurements, ScoringContext.empty());
    }

    private static IndicatorScore indicator(String id) {
        return card.indicators().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    private static GoalScore goal(String id) {
        return card.goals().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void indicator_scores() {
        assertThat(indicator("G1-K1").points()).isEqualByComparingTo("100");
        assertThat(indicator("G1-K2").points()).isEqualByComparingTo("90");
        assertThat(indicator("G1-K3").points()).isNull();
        assertThat(indicator("G3-K1").value()).isEqualByComparingTo("88");
        assertThat(indicator("G3-K2").status()).isEqualTo(Status.OFF_TRACK);
        assertThat(indicator("C1-K1").value()).isEqualByComparingTo("4");
        assertThat(indicator("C2-K1").value()).isEqualByComparingTo("-4");
        assertThat(indicator("C2-K1").status()).isEqualTo(Status.MET);
        assertThat(indicator("C3-K1").points()).isEqualByComparingTo("90");
    }

    @Test
    void goal_scores_are_means_of_scored_indicators() {
        assertThat(goal("G1").score()).isEqualByComparingTo("95");
        assertThat(goal("G2").score()).isEqualByComparingTo("80");
        assertThat(goal("G3").score()).isEqualByComparingTo("50");
        assertThat(goal("G4").score()).isNull();
        assertThat(goal("G5").score()).isEqualByComparingTo("75");
        assertThat(goal("G6").score()).isEqualByComparingTo("95");
        assertThat(goal("C1").score()).isEqualByComparingTo("100");
        assertThat(goal("C2").score()).isEqualByComparingTo("100");
        assertThat(goal("C3").score()).isEqualByComparingTo("90");
        assertThat(goal("G1").coverage().share()).isEqualByComparingTo("0.6666666666666666666666666666666667");
    }

    @Test
    void plan_score_is_the_mean_of_goals_with_a_scored_indicator() {
        // (95 + 80 + 50 + 75 + 95 + 100 + 100 + 90) / 8 = 685 / 8 = 85.625; G4 has nothing scored.
        assertThat(card.totalScore()).isEqualByComparingTo("85.625");
        assertThat(card.weighted()).isFalse();
        // 12 of 15 indicators scored
        assertThat(card.coverage().share()).isEqualByComparingTo("0.8");
        assertThat(card.statusCounts()).isEqualTo(new Scorecard.StatusCounts(6, 3, 3, 3, 0));
    }
}
