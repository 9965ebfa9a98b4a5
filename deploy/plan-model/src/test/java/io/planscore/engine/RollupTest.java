package io.planscore.engine;

import io.planscore.engine.PlanModel.Facet;
import io.planscore.engine.PlanModel.Goal;
import io.planscore.engine.PlanModel.Indicator;
import io.planscore.engine.Scorecard.Coverage;
import io.planscore.engine.Scorecard.GoalScore;
import io.planscore.engine.ScoringContext.AdminInput;
import io.planscore.engine.calc.Polarity;
import io.planscore.engine.rules.BonusDiscretionaryRule;
import io.planscore.engine.target.TargetSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.planscore.engine.Plans.YEAR;
import static io.planscore.engine.Plans.d;
import static io.planscore.engine.Plans.indicator;
import static io.planscore.engine.Plans.m;
import static io.planscore.engine.Plans.numeric;
import static org.assertj.core.api.Assertions.assertThat;

/** Roll-ups (§5): equal weights for unweighted plans, points for weighted ones, coverage at every level. */
class RollupTest {

    private static Indicator k(String id, String target) {
        return indicator(id, "件", Polarity.HIGHER_IS_BETTER, numeric(target, "件"));
    }

    private static Indicator none(String id) {
        return indicator(id, "件", Polarity.HIGHER_IS_BETTER, new TargetSpec.Unscorable(Flag.NO_TARGET, "-"));
    }

    @Test
    void unweighted_goals_average_their_scored_indicators_and_the_plan_its_scored_goals() {
        PlanModel plan = PlanModel.of("p", 1, List.of(YEAR), List.of(), List.of(
                new Goal("G1", "g1", null, null, null, List.of(k("A", "10"), k("B", "10"), k("C", "10"), none("D"))),
                new Goal("G2", "g2", null, null, null, List.of(k("E", "10"))),
                new Goal("G3", "g3", null, null, null, List.of(k("F", "10")))));

        Scorecard card = Plans.score(plan, List.of(m("a", "A", "2018", "10"), m("b", "B", "2018", "5"),
                m("e", "E", "2018", "8"), m("d", "D", "2018", "3")), ScoringContext.empty());

        // G1 = mean(100, 50) = 75 (C pending, D has no target); G2 = 80; G3 has nothing scored: plan = (75 + 80) / 2.
        assertThat(card.goals()).extracting(GoalScore::score).usingElementComparator(Plans::compareNullable)
                .containsExactly(d("75"), d("80"), null);
        assertThat(card.totalScore()).isEqualByComparingTo("77.5");
        assertThat(card.maxScore()).isEqualByComparingTo("100");
        assertThat(card.goals().get(0).coverage()).isEqualTo(new Coverage(3, 2, d("0.6666666666666666666666666666666667")));
        assertThat(card.coverage().withTarget()).isEqualTo(5);
        assertThat(card.coverage().scored()).isEqualTo(3);
        assertThat(card.coverage().share()).isEqualByComparingTo("0.6");
        assertThat(card.statusCounts()).isEqualTo(new Scorecard.StatusCounts(1, 0, 2, 2, 1));
    }

    @Test
    void an_unweighted_plan_with_nothing_scored_has_no_total() {
        Scorecard card = Plans.score(Plans.unweighted(k("A", "10")), List.of(), ScoringContext.empty());

        assertThat(card.totalScore()).isNull();
        assertThat(card.coverage()).isEqualTo(new Coverage(1, 0, d("0")));
    }

    @Test
    void weighted_points_are_weight_times_achievement_and_pending_earns_nothing() {
        PlanModel plan = PlanModel.of("p", 1, List.of(YEAR), List.of(new Facet("F1", "f", d("10"), null)), List.of(
                new Goal("G1", "g1", "F1", d("6"), null, List.of(k("A", "10").withWeight(d("4")),
                        k("B", "10").withWeight(d("2")))),
                new Goal("G2", "g2", "F1", d("4"), null, List.of(k("C", "10")))));

        Scorecard card = Plans.score(plan, List.of(m("a", "A", "2018", "9"), m("c", "C", "2018", "20")),
                ScoringContext.empty());

        // A: 4 × 0.9 = 3.6; B pending: 0 of 2; C takes its goal's weight: 4 × min(2 → 1, 1) = 4.
        assertThat(card.indicators()).extracting(i -> i.points().toPlainString()).containsExactly("3.6", "0", "4");
        assertThat(card.indicators()).extracting(i -> i.maxPoints().toPlainString()).containsExactly("4", "2", "4");
        assertThat(card.goals()).extracting(g -> g.score().toPlainString()).containsExactly("3.6", "4");
        assertThat(card.facets().get(0).score()).isEqualByComparingTo("7.6");
        assertThat(card.totalScore()).isEqualByComparingTo("7.6");
        assertThat(card.maxScore()).isEqualByComparingTo("10");
        assertThat(card.facets().get(0).coverage()).isEqualTo(new Coverage(3, 2, d("0.6666666666666666666666666666666667")));
    }

    @Test
    void a_facet_adds_its_bonus_goals_then_applies_its_cap() {
        Indicator bonus = indicator("BONUS", null, Polarity.HIGHER_IS_BETTER, new TargetSpec.Unscorable(Flag.NO_TARGET, "-"))
                .withRule(new BonusDiscretionaryRule(d("1")));
        PlanModel plan = PlanModel.of("p", 1, List.of(YEAR), List.of(new Facet("F4", "budget", d("20"), d("20"))), List.of(
                new Goal("F4-G1", "execution", "F4", d("20"), null,
                        List.of(k("K1", "80").withWeight(d("13")), k("K2", "80").withWeight(d("7")))),
                new Goal("F4-G2", "savings", "F4", null, d("1"), List.of(bonus))));

        Scorecard card = Plans.score(plan, List.of(m("a", "K1", "2018", "80"), m("b", "K2", "2018", "85")),
                ScoringContext.empty().withAward("BONUS", YEAR, new AdminInput("award", d("1"))));

        Scorecard.FacetScore facet = card.facets().get(0);
        assertThat(facet.bonus()).isEqualByComparingTo("1");
        assertThat(facet.scoreBeforeCap()).isEqualByComparingTo("21");
        assertThat(facet.score()).isEqualByComparingTo("20");
        assertThat(card.goals().get(1).bonusOnly()).isTrue();
        assertThat(card.totalScore()).isEqualByComparingTo("20");
    }

    @Test
    void a_facet_without_goals_scores_nothing_but_counts_in_the_maximum() {
        PlanModel plan = PlanModel.of("p", 1, List.of(YEAR),
                List.of(new Facet("F1", "core", d("95"), null), new Facet("F5", "later", d("5"), null)),
                List.of(new Goal("G1", "g", "F1", d("95"), null, List.of(k("A", "10")))));

        Scorecard card = Plans.score(plan, List.of(m("a", "A", "2018", "10")), ScoringContext.empty());

        assertThat(card.totalScore()).isEqualByComparingTo("95");
        assertThat(card.maxScore()).isEqualByComparingTo("100");
        assertThat(card.facets().get(1).coverage()).isEqualTo(new Coverage(0, 0, null));
    }
}
