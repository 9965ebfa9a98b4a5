package io.planscore.engine;

import io.planscore.engine.PlanModel.Facet;
import io.planscore.engine.PlanModel.Goal;
import io.planscore.engine.PlanModel.Indicator;
import io.planscore.engine.Scorecard.IndicatorScore;
import io.planscore.engine.ScoringContext.AdminInput;
import io.planscore.engine.calc.Polarity;
import io.planscore.engine.rules.BasePlusStepsRule;
import io.planscore.engine.rules.BonusDiscretionaryRule;
import io.planscore.engine.rules.DeductionPerIncidentRule;
import io.planscore.engine.rules.PerUnitCappedRule;
import io.planscore.engine.rules.ScoringRule;
import io.planscore.engine.target.TargetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.planscore.engine.Plans.YEAR;
import static io.planscore.engine.Plans.d;
import static io.planscore.engine.Plans.indicator;
import static io.planscore.engine.Plans.m;
import static io.planscore.engine.Plans.numeric;
import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples of SCORING.md §3 and §6 (seed 003, 嘉義市政府警察局 107), exactly. */
class WorkedExamplesTest {

    private static IndicatorScore points(ScoringRule rule, String weight, String target, String actual) {
        Indicator k = indicator("K", "%", Polarity.HIGHER_IS_BETTER, numeric(target, "%")).withRule(rule);
        return Plans.score(Plans.weighted(k, weight), List.of(m("e1", "K", "2018", actual)), ScoringContext.empty())
                .indicators().get(0);
    }

    @ParameterizedTest(name = "F3-G1-K二: {0} proposals → {1} points")
    @CsvSource({"3, 1.8", "7, 3.0"})
    void per_unit_capped(String proposals, String expected) {
        IndicatorScore score = points(new PerUnitCappedRule(d("0.6"), d("5"), d("3")), "3", "5", proposals);

        assertThat(score.points()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "F3-G4 part 1: {0}% → {1} points")
    @CsvSource({"74.9, 0", "75, 2.5", "83, 2.7", "100, 3.5"})
    void base_plus_steps(String rate, String expected) {
        BasePlusStepsRule rule = new BasePlusStepsRule(d("75"), true, d("2.5"), d("5"), d("0.2"), d("3.5"), d("0"));

        assertThat(points(rule, "3.5", "75", rate).points()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "F3-G3-K一: {0} incidents → {1} points")
    @CsvSource({"2, 0.6", "6, 0"})
    void deduction_per_incident(String incidents, String expected) {
        IndicatorScore score = points(new DeductionPerIncidentRule(d("1"), d("0.2"), d("0")), "1", "100", incidents);

        assertThat(score.points()).isEqualByComparingTo(expected);
    }

    @Test
    void a_rule_judges_instead_of_the_printed_target() {
        // F3-G2-K二: the printed 70% target earns 1 + floor((70 − 60) / 10) = 2 of 5 points, so a = 0.4.
        BasePlusStepsRule rule = new BasePlusStepsRule(d("60"), true, d("1"), d("10"), d("1"), d("5"), null);

        IndicatorScore score = points(rule, "5", "70", "70");

        assertThat(score.points()).isEqualByComparingTo("2");
        assertThat(score.achievement()).isEqualByComparingTo("0.4");
        assertThat(score.status()).isEqualTo(Status.OFF_TRACK);
    }

    @Test
    void facet_F4_goals_13_and_7_plus_1_bonus_is_21_reported_as_20() {
        Indicator current = indicator("F4-G1-K一", "%", Polarity.HIGHER_IS_BETTER, numeric("80", "%")).withWeight(d("13"));
        Indicator capital = indicator("F4-G1-K二", "%", Polarity.HIGHER_IS_BETTER, numeric("80", "%")).withWeight(d("7"));
        Indicator savings = indicator("F4-G2-K1", null, Polarity.HIGHER_IS_BETTER,
                new TargetSpec.Unscorable(Flag.NO_TARGET, "-")).withRule(new BonusDiscretionaryRule(d("1")));
        PlanModel plan = PlanModel.of("003", 1, List.of(YEAR), List.of(new Facet("F4", "經費執行力面向", d("20"), d("20"))),
                List.of(new Goal("F4-G1", "增進預算執行績效", "F4", d("20"), null, List.of(current, capital)),
                        new Goal("F4-G2", "配合本府開源節流措施實施要點", "F4", null, d("1"), List.of(savings))));

        Scorecard card = Plans.score(plan, List.of(m("e1", "F4-G1-K一", "2018", "80"), m("e2", "F4-G1-K二", "2018", "92")),
                ScoringContext.empty().withAward("F4-G2-K1", YEAR, new AdminInput("award-1", d("1"))));

        assertThat(card.goals().get(0).score()).isEqualByComparingTo("20");
        assertThat(card.facets().get(0).scoreBeforeCap()).isEqualByComparingTo("21");
        assertThat(card.facets().get(0).score()).isEqualByComparingTo("20");
        assertThat(card.totalScore()).isEqualByComparingTo("20");
    }
}
