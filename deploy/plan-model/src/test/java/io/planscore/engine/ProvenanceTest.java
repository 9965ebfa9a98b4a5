package io.planscore.engine;

import io.planscore.engine.PlanModel.Indicator;
import io.planscore.engine.Scorecard.IndicatorScore;
import io.planscore.engine.calc.Polarity;
import io.planscore.engine.measure.Formula;
import io.planscore.engine.rules.PerUnitCappedRule;
import io.planscore.engine.target.TargetSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.planscore.engine.Plans.c;
import static io.planscore.engine.Plans.d;
import static io.planscore.engine.Plans.indicator;
import static io.planscore.engine.Plans.m;
import static io.planscore.engine.Plans.numeric;
import static io.planscore.engine.Plans.scoreOne;
import static org.assertj.core.api.Assertions.assertThat;

/** §7: each score carries its value, target, inputs, rule and a readable derivation. */
class ProvenanceTest {

    @Test
    void an_indicator_explains_its_score_step_by_step() {
        Indicator sessions = indicator("K", "場", Polarity.HIGHER_IS_BETTER, numeric("10", "場"));

        IndicatorScore score = scoreOne(sessions, m("e3", "K", "2018-03", "5"), m("e1", "K", "2018-01", "4"),
                m("e2", "K", "2018-02", "3"));

        assertThat(score.steps()).containsExactly(
                "target: ≥ 10 場 (printed \"10場\")",
                "value = sum of 3 events = 12",
                "achievement = 12 / 10 = 1.2 → clamped to 1",
                "status = MET",
                "score = 1 × 100 = 100");
        assertThat(score.inputEventIds()).containsExactly("e1", "e2", "e3");
        assertThat(score.target().value()).isEqualByComparingTo("10");
        assertThat(score.target().raw()).isEqualTo("10場");
        assertThat(score.rule()).isNull();
    }

    @Test
    void a_rule_is_named_with_its_parameters() {
        Indicator proposals = indicator("K", "案", Polarity.HIGHER_IS_BETTER, numeric("5", "案"))
                .withRule(new PerUnitCappedRule(d("0.6"), d("5"), d("3")));

        IndicatorScore score = Plans.score(Plans.weighted(proposals, "3"), List.of(m("e1", "K", "2018", "3")),
                ScoringContext.empty()).indicators().get(0);

        assertThat(score.rule().type()).isEqualTo("per_unit_capped");
        assertThat(score.rule().definition()).isEqualTo("per_unit_capped{points_per_unit=0.6, cap_units=5, max_points=3}");
        assertThat(score.steps()).contains("points = 0.6 × min(3, 5) = 1.8", "achievement = 1.8 / 3 = 0.6");
        assertThat(score.maxPoints()).isEqualByComparingTo("3");
    }

    @Test
    void only_the_events_actually_used_are_listed() {
        Indicator ratio = indicator("K", "%", Polarity.HIGHER_IS_BETTER, numeric("80", "%"))
                .withFormula(Formula.parse("A / B * 100"));

        IndicatorScore score = scoreOne(ratio, c("a", "K", "A", "2018", "40"), c("b", "K", "B", "2018", "50"),
                c("x", "K", "X", "2018", "1"), m("d", "K", "2018", "90"), m("old", "K", "2017", "1"));

        assertThat(score.inputEventIds()).containsExactly("a", "b");
    }

    @Test
    void nothing_is_read_for_a_year_with_no_target() {
        Indicator k = indicator("K", "%", Polarity.HIGHER_IS_BETTER,
                new TargetSpec.Unscorable(Flag.NO_TARGET, "-%"));

        IndicatorScore score = scoreOne(k, m("e1", "K", "2018", "50"));

        assertThat(score.value()).isNull();
        assertThat(score.inputEventIds()).isEmpty();
        assertThat(score.target().form()).isEqualTo("none");
        assertThat(score.steps()).containsExactly("target: no target this year (printed \"-%\")",
                "status = NOT_SCORED [NO_TARGET]");
    }
}
