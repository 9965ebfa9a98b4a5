package io.planscore.model;

import io.planscore.engine.Flag;
import io.planscore.engine.Measurement;
import io.planscore.engine.PlanModel;
import io.planscore.engine.Scorecard;
import io.planscore.engine.Scorecard.FacetScore;
import io.planscore.engine.Scorecard.IndicatorScore;
import io.planscore.engine.ScoringContext;
import io.planscore.engine.ScoringContext.AdminInput;
import io.planscore.engine.ScoringContext.PeerResult;
import io.planscore.engine.ScoringEngine;
import io.planscore.engine.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 003 (嘉義市政府警察局 107 = 2018, weighted), scored from hand-picked measurements. Every expected number
 * below is worked out by hand from SCORING.md.
 */
class Seed003HandComputedTest {

    private static Scorecard card;

    private static Measurement m(String id, String indicator, String period, String value) {
        return new Measurement(id, indicator, null, period, new BigDecimal(value), Instant.parse("2019-01-20T00:00:00Z"));
    }

    private static Measurement c(String id, String indicator, String component, String period, String value) {
        return new Measurement(id, indicator, component, period, new BigDecimal(value), Instant.parse("2019-01-20T00:00:00Z"));
    }

    @BeforeAll
    static void score() {
        PlanModel plan = Fixtures.plan("003_chiayi-police_107.json");
        List<Measurement> measurements = List.of(
                // F1 核心業務 (35)
                m("h1", "F1-G1-K1", "2015", "80"), m("h2", "F1-G1-K1", "2016", "82"), m("h3", "F1-G1-K1", "2017", "84"),
                m("a1", "F1-G1-K1", "2018", "85"),          // ↑ vs (80+82+84)/3 = 82: met → 2 × 1 = 2
                m("h4", "F1-G1-K2", "2015", "30"), m("h5", "F1-G1-K2", "2016", "30"), m("h6", "F1-G1-K2", "2017", "33"),
                m("a2", "F1-G1-K2", "2018", "32"),          // ↓ vs 31: not met, a = 31/32 = 0.96875 AT_RISK → 1.9375
                c("a3", "F1-G2-K1", "A", "2018", "45"), c("a4", "F1-G2-K1", "B", "2018", "50"), // 45/50×100 = 90 ≥ 90 → 3
                m("a5", "F1-G3-K1", "2018", "80"),          // 80 / 100 = 0.8 OFF_TRACK → 4 × 0.8 = 3.2
                m("a6", "F1-G4-K1", "2018-01", "60"), m("a7", "F1-G4-K1", "2018-07", "61"), // sum 121 ≥ 121 → 4
                // F1-G5-K1: nothing reported → PENDING, 0 of 4
                m("a8", "F1-G6-K一", "2018", "99"),         // ↓ vs admin (100+110+120)/3 = 110: met → 2
                m("a9", "F1-G6-K二", "2018-H1", "30"), m("a10", "F1-G6-K二", "2018-H2", "30"), // 60/80 = 0.75 → 1.5
                m("a11", "F1-G7-K1", "2018", "100"),        // 100% → 4
                m("a12", "F1-G8-K1", "2018-Q2", "50"), m("a13", "F1-G8-K1", "2018-Q4", "90"), // last 90 → 0.9 → 3.6
                m("a14", "F1-G9-K1", "2018", "50"),         // 50 of 50% → 2
                // F1-G10-K1: nothing reported → PENDING, 0 of 2
                // F2 業務創新改良 (20)
                m("b1", "F2-G1-K1", "2018", "100"),         // → 4
                m("b2", "F2-G2-K1", "2018", "100"),         // → 2
                m("b3", "F2-G2-K2", "2018", "80"),          // 0.8 → 1.6
                // F2-G3-K1: PENDING, 0 of 4
                m("b4", "F2-G4-K1", "2017", "500"), m("b5", "F2-G4-K1", "2018", "450"), // ↑ vs 500: 0.9 → 3.6
                m("b6", "F2-G5-K1", "2018", "100"),         // → 4
                // F3 人力資源發展 (20)
                c("c1", "F3-G1-K一", "A", "2018", "17"), c("c2", "F3-G1-K一", "B", "2018", "20"), // 85 ≥ 85 → 3
                m("c3", "F3-G1-K二", "2018-03", "1"), m("c4", "F3-G1-K二", "2018-09", "2"),     // 3 cases: 0.6 × 3 = 1.8
                m("c5", "F3-G2-K一", "2018", "95"),         // 1 + 0.5 × floor(15/10) = 1.5
                m("c6", "F3-G2-K二", "2018", "70"),         // 1 + 1 × floor(10/10) = 2 (a = 0.4)
                m("c7", "F3-G3-K一", "2018", "2"),          // 1 − 0.2 × 2 = 0.6
                m("c8", "F3-G3-K二", "2018", "0"),          // 1 − 0 = 1
                m("c9", "F3-G3-K三", "2018", "75"),         // band [51, 99] → 0.5
                c("c10", "F3-G4-K1", "A", "2018", "83"), c("c11", "F3-G4-K1", "B", "2018", "100"), // 83% → 2.7
                c("c12", "F3-G4-K1", "done", "2018", "1"), c("c13", "F3-G4-K1", "scheduled", "2018", "2"), // 0.25
                // F4 經費執行力 (20, cap 20)
                c("d1", "F4-G1-K一", "A", "2018", "72"), c("d2", "F4-G1-K一", "B", "2018", "100"),
                c("d3", "F4-G1-K一", "C", "2018", "10"),    // 72 / (100 − 10) × 100 = 80 → 13
                c("d4", "F4-G1-K二", "A", "2018", "60"), c("d5", "F4-G1-K二", "B", "2018", "10"),
                c("d6", "F4-G1-K二", "C", "2018", "20"), c("d7", "F4-G1-K二", "D", "2018", "100"), // (60+10+10)/100×100 = 80 → 7
                c("d8", "F4-G3-K1", "A", "2018", "1200"), c("d9", "F4-G3-K1", "B", "2018", "1000")); // growth 20%
        ScoringContext context = ScoringContext.empty()
                .withBaselineValue("F1-G6-K一", 2015, new AdminInput("adm15", new BigDecimal("100")))
                .withBaselineValue("F1-G6-K一", 2016, new AdminInput("adm16", new BigDecimal("110")))
                .withBaselineValue("F1-G6-K一", 2017, new AdminInput("adm17", new BigDecimal("120")))
                .withAward("F4-G2-K1", 2018, new AdminInput("award", BigDecimal.ONE))      // bonus 1
                .withPeerResults("F4-G3-K1", 2018, List.of(                                  // 35 > 20 = 20: rank 2
                        new PeerResult("finance", new BigDecimal("35")), new PeerResult("works", new BigDecimal("20")),
                        new PeerResult("health", new BigDecimal("-4")), new PeerResult("culture", new BigDecimal("10"))));
        card = new ScoringEngine().score(plan, 2018, measurements, context);
    }

    private static IndicatorScore indicator(String id) {
        return card.indicators().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    private static FacetScore facet(String id) {
        return card.facets().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void indicator_points() {
        String[][] expected = {
                {"F1-G1-K1", "2"}, {"F1-G1-K2", "1.9375"}, {"F1-G2-K1", "3"}, {"F1-G3-K1", "3.2"}, {"F1-G4-K1", "4"},
                {"F1-G5-K1", "0"}, {"F1-G6-K一", "2"}, {"F1-G6-K二", "1.5"}, {"F1-G7-K1", "4"}, {"F1-G8-K1", "3.6"},
                {"F1-G9-K1", "2"}, {"F1-G10-K1", "0"},
                {"F2-G1-K1", "4"}, {"F2-G2-K1", "2"}, {"F2-G2-K2", "1.6"}, {"F2-G3-K1", "0"}, {"F2-G4-K1", "3.6"},
                {"F2-G5-K1", "4"},
                {"F3-G1-K一", "3"}, {"F3-G1-K二", "1.8"}, {"F3-G2-K一", "1.5"}, {"F3-G2-K二", "2"}, {"F3-G3-K一", "0.6"},
                {"F3-G3-K二", "1"}, {"F3-G3-K三", "0.5"}, {"F3-G4-K1", "2.95"},
                {"F4-G1-K一", "13"}, {"F4-G1-K二", "7"}, {"F4-G2-K1", "1"}, {"F4-G3-K1", "3"}};
        for (String[] row : expected) {
            assertThat(indicator(row[0]).points()).as(row[0]).isEqualByComparingTo(row[1]);
        }
    }

    @Test
    void facet_totals_with_the_F4_cap() {
        // F1: 2 + 1.9375 + 3 + 3.2 + 4 + 0 + 2 + 1.5 + 4 + 3.6 + 2 + 0 = 27.2375
        assertThat(facet("F1").score()).isEqualByComparingTo("27.2375");
        // F2: 4 + 2 + 1.6 + 0 + 3.6 + 4 = 15.2
        assertThat(facet("F2").score()).isEqualByComparingTo("15.2");
        // F3: 3 + 1.8 + 1.5 + 2 + 0.6 + 1 + 0.5 + 2.95 = 13.35
        assertThat(facet("F3").score()).isEqualByComparingTo("13.35");
        // F4: 13 + 7 + bonus (1 + 3) = 24, capped at 20
        assertThat(facet("F4").bonus()).isEqualByComparingTo("4");
        assertThat(facet("F4").scoreBeforeCap()).isEqualByComparingTo("24");
        assertThat(facet("F4").score()).isEqualByComparingTo("20");
        // F5 (5%, written up the following year) has no indicators yet
        assertThat(facet("F5").score()).isEqualByComparingTo("0");
    }

    @Test
    void plan_total_out_of_100() {
        // 27.2375 + 15.2 + 13.35 + 20 + 0 = 75.7875
        assertThat(card.totalScore()).isEqualByComparingTo("75.7875");
        assertThat(card.maxScore()).isEqualByComparingTo("100");
        assertThat(card.provisional()).isFalse();
    }

    @Test
    void statuses_and_coverage() {
        assertThat(card.statusCounts()).isEqualTo(new Scorecard.StatusCounts(14, 3, 10, 3, 0));
        // 27 of 30 indicators scored (3 pending)
        assertThat(card.coverage().share()).isEqualByComparingTo("0.9");
        assertThat(indicator("F1-G1-K2").status()).isEqualTo(Status.AT_RISK);
        assertThat(indicator("F3-G2-K二").achievement()).isEqualByComparingTo("0.4");
        assertThat(indicator("F4-G3-K1").flags()).doesNotContain(Flag.PROVISIONAL);
    }

    @Test
    void provenance_of_a_baseline_and_a_summed_rule() {
        assertThat(indicator("F1-G6-K一").inputEventIds()).containsExactly("a8", "adm15", "adm16", "adm17");
        assertThat(indicator("F1-G6-K一").target().value()).isEqualByComparingTo("110");
        assertThat(indicator("F3-G4-K1").steps()).contains(
                "value = A / B * 100 = 83 / 100 * 100 = 83",
                "part 1 (base_plus_steps): points = 2.5 + 0.2 × floor((83 − 75) / 5) = 2.5 + 0.2 × 1 = 2.7",
                "part 2 (proportional): points = 0.5 × 1 / 2 = 0.25",
                "points = 2.7 + 0.25 = 2.95");
    }
}
