package io.planscore.engine;

import io.planscore.engine.PlanModel.Indicator;
import io.planscore.engine.Scorecard.BaselineInput;
import io.planscore.engine.Scorecard.IndicatorScore;
import io.planscore.engine.ScoringContext.AdminInput;
import io.planscore.engine.calc.Direction;
import io.planscore.engine.calc.Polarity;
import io.planscore.engine.target.BaselineRule;
import io.planscore.engine.target.TargetSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.planscore.engine.Plans.d;
import static io.planscore.engine.Plans.indicator;
import static io.planscore.engine.Plans.m;
import static io.planscore.engine.Plans.scoreOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Baselines (§3): mean of the previous n years, previous year, fixed; missing history is NO_BASELINE. */
class BaselineTest {

    private static final Indicator CLEARANCE = indicator("K", "%", Polarity.HIGHER_IS_BETTER,
            new TargetSpec.VersusBaseline(Direction.INCREASE, "↑"))
            .withBaseline(new BaselineRule.MeanOfPreviousYears(3));

    @Test
    void the_mean_of_the_previous_three_years_comes_from_their_measure_values() {
        IndicatorScore score = scoreOne(CLEARANCE, m("h1", "K", "2015", "80"), m("h2", "K", "2016-H1", "70"),
                m("h3", "K", "2016-H2", "82"), m("h4", "K", "2017", "84"), m("e1", "K", "2018", "85"));

        // % indicators aggregate with last, so 2016 is its H2 value 82: (80 + 82 + 84) / 3 = 82.
        assertThat(score.target().value()).isEqualByComparingTo("82");
        assertThat(score.status()).isEqualTo(Status.MET);
        assertThat(score.baselineInputs()).extracting(BaselineInput::year, BaselineInput::source)
                .containsExactly(
                        tuple(2015, BaselineInput.Source.MEASUREMENTS),
                        tuple(2016, BaselineInput.Source.MEASUREMENTS),
                        tuple(2017, BaselineInput.Source.MEASUREMENTS));
        assertThat(score.baselineInputs().get(1).eventIds()).containsExactly("h2", "h3");
        assertThat(score.inputEventIds()).containsExactly("e1", "h1", "h2", "h3", "h4");
        assertThat(score.steps()).contains("baseline = mean of 2015–2017 = (80 + 82 + 84) / 3 = 82");
    }

    @Test
    void fewer_than_n_years_is_no_baseline() {
        IndicatorScore score = scoreOne(CLEARANCE, m("h2", "K", "2016", "82"), m("h3", "K", "2017", "84"),
                m("e1", "K", "2018", "85"));

        assertThat(score.status()).isEqualTo(Status.NOT_SCORED);
        assertThat(score.flags()).containsExactly(Flag.NO_BASELINE);
        assertThat(score.steps()).contains("baseline = mean of the previous 3 years (2015–2017): no value for 2015");
    }

    @Test
    void administrators_fill_the_years_without_measurements_and_take_precedence() {
        ScoringContext context = ScoringContext.empty()
                .withBaselineValue("K", 2015, new AdminInput("b15", d("78")))
                .withBaselineValue("K", 2016, new AdminInput("b16", d("81")));

        IndicatorScore score = scoreOne(CLEARANCE, List.of(m("h2", "K", "2016", "99"), m("h3", "K", "2017", "84"),
                m("e1", "K", "2018", "80")), context);

        // (78 + 81 + 84) / 3 = 81; 80 against 81 is 0.98765...
        assertThat(score.target().value()).isEqualByComparingTo("81");
        assertThat(score.status()).isEqualTo(Status.AT_RISK);
        assertThat(score.baselineInputs()).extracting(BaselineInput::source).containsExactly(
                BaselineInput.Source.ADMINISTRATOR, BaselineInput.Source.ADMINISTRATOR,
                BaselineInput.Source.MEASUREMENTS);
        assertThat(score.inputEventIds()).containsExactly("b15", "b16", "e1", "h3");
    }

    @Test
    void previous_year_and_fixed_baselines() {
        Indicator cases = indicator("K", "件", Polarity.HIGHER_IS_BETTER,
                new TargetSpec.VersusBaseline(Direction.INCREASE, "↑"));

        IndicatorScore previous = scoreOne(cases.withBaseline(new BaselineRule.PreviousYear()),
                m("h1", "K", "2017-01", "200"), m("h2", "K", "2017-02", "300"), m("e1", "K", "2018", "450"));
        IndicatorScore fixed = scoreOne(cases.withBaseline(new BaselineRule.Fixed(d("400"))), m("e1", "K", "2018", "450"));
        IndicatorScore none = scoreOne(cases, m("e1", "K", "2018", "450"));

        assertThat(previous.target().value()).isEqualByComparingTo("500");
        assertThat(previous.achievement()).isEqualByComparingTo("0.9");
        assertThat(fixed.status()).isEqualTo(Status.MET);
        assertThat(fixed.baselineInputs()).isEmpty();
        assertThat(none.flags()).containsExactly(Flag.NO_BASELINE);
    }

    @Test
    void a_missing_baseline_is_not_scored_before_any_actual_arrives() {
        IndicatorScore score = scoreOne(CLEARANCE);

        assertThat(score.status()).isEqualTo(Status.NOT_SCORED);
        assertThat(score.flags()).containsExactly(Flag.NO_BASELINE);
    }
}
