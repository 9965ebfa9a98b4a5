package io.planscore.engine;

import io.planscore.engine.PlanModel.Indicator;
import io.planscore.engine.Scorecard.IndicatorScore;
import io.planscore.engine.calc.Polarity;
import io.planscore.engine.measure.Aggregation;
import io.planscore.engine.measure.Formula;
import io.planscore.engine.measure.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static io.planscore.engine.Plans.c;
import static io.planscore.engine.Plans.d;
import static io.planscore.engine.Plans.indicator;
import static io.planscore.engine.Plans.m;
import static io.planscore.engine.Plans.numeric;
import static io.planscore.engine.Plans.scoreOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SCORING.md §2: periods, aggregation, formula indicators. */
class MeasuresTest {

    private static final Indicator COUNT = indicator("K", "場", Polarity.HIGHER_IS_BETTER, numeric("50", "場"));
    private static final Indicator RATE = indicator("K", "%", Polarity.HIGHER_IS_BETTER, numeric("80", "%"));
    private static final Indicator RATIO = indicator("K", "%", Polarity.HIGHER_IS_BETTER, numeric("70", "%"))
            .withFormula(Formula.parse("A / B * 100"))
            .withAggregation(Aggregation.LAST);

    @ParameterizedTest(name = "{0} is months {1}–{2} of {3}")
    @CsvSource({"2019, 1, 12, 2019", "2019-H1, 1, 6, 2019", "2019-H2, 7, 12, 2019", "2019-Q3, 7, 9, 2019",
            "2019-07, 7, 7, 2019", "2019-12, 12, 12, 2019"})
    void parses_periods(String text, int first, int last, int year) {
        assertThat(Period.parse(text)).isEqualTo(new Period(year, first, last));
    }

    @ParameterizedTest
    @CsvSource({"2019-13", "2019-Q5", "2019-H3", "19", "2019/07", "''"})
    void rejects_malformed_periods(String text) {
        assertThatThrownBy(() -> Period.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "unit {0}, formula {1}, level {2} → {3}")
    @CsvSource({"%, false, false, LAST", "日, false, false, LAST", "天, false, false, LAST", "場, true, false, LAST",
            "名, false, true, LAST", "場, false, false, SUM", "人次, false, false, SUM", "元, false, false, SUM",
            "秒, false, false, SUM", ", false, false, SUM"})
    void defaults_the_aggregation_per_unit(String unit, boolean formula, boolean level, Aggregation expected) {
        assertThat(Aggregation.defaultFor(unit, formula, level)).isEqualTo(expected);
    }

    @Test
    void sums_the_flows_of_the_year_only() {
        IndicatorScore score = scoreOne(COUNT, m("e1", "K", "2018-01", "10"), m("e2", "K", "2018-Q2", "15"),
                m("e3", "K", "2018-H2", "20"), m("e4", "K", "2019-01", "99"), m("e5", "K", "2017", "99"));

        assertThat(score.value()).isEqualByComparingTo("45");
        assertThat(score.inputEventIds()).containsExactly("e1", "e2", "e3");
        assertThat(score.steps()).contains("value = sum of 3 events = 45");
    }

    @Test
    void last_takes_the_latest_period_end_not_the_latest_recorded() {
        Measurement december = new Measurement("e1", "K", null, "2018-12", d("70"), Instant.parse("2018-12-31T00:00:00Z"));
        Measurement thirdQuarterLate = new Measurement("e2", "K", null, "2018-Q3", d("90"), Instant.parse("2019-03-01T00:00:00Z"));

        assertThat(scoreOne(RATE, december, thirdQuarterLate).value()).isEqualByComparingTo("70");
    }

    @Test
    void last_breaks_ties_in_period_end_by_the_later_recording() {
        Measurement early = new Measurement("e9", "K", null, "2018-Q4", d("70"), Instant.parse("2019-01-01T00:00:00Z"));
        Measurement late = new Measurement("e1", "K", null, "2018-12", d("75"), Instant.parse("2019-02-01T00:00:00Z"));

        assertThat(scoreOne(RATE, late, early).value()).isEqualByComparingTo("75");
    }

    @Test
    void max_and_mean_aggregate_as_declared() {
        Measurement[] events = {m("e1", "K", "2018-Q1", "60"), m("e2", "K", "2018-Q2", "90"), m("e3", "K", "2018-Q3", "75")};

        assertThat(scoreOne(RATE.withAggregation(Aggregation.MAX), events).value()).isEqualByComparingTo("90");
        assertThat(scoreOne(RATE.withAggregation(Aggregation.MEAN), events).value()).isEqualByComparingTo("75");
    }

    @Test
    void formula_components_are_summed_first_then_divided_once() {
        // Monthly ratios would be 30/40 = 75% and 40/60 = 66.7%; their mean (70.8%) is wrong: 70 / 100 = 70%.
        IndicatorScore score = scoreOne(RATIO, c("e1", "K", "A", "2018-01", "30"), c("e2", "K", "B", "2018-01", "40"),
                c("e3", "K", "A", "2018-02", "40"), c("e4", "K", "B", "2018-02", "60"));

        assertThat(score.value()).isEqualByComparingTo("70");
        assertThat(score.status()).isEqualTo(Status.MET);
        assertThat(score.steps()).contains("A = sum of 2 events = 70", "B = sum of 2 events = 100",
                "value = A / B * 100 = 70 / 100 * 100 = 70");
    }

    @Test
    void a_component_may_declare_its_own_aggregation() {
        Indicator headcount = RATIO.withComponentAggregation("B", Aggregation.LAST);

        IndicatorScore score = scoreOne(headcount, c("e1", "K", "A", "2018-01", "30"), c("e2", "K", "B", "2018-01", "50"),
                c("e3", "K", "A", "2018-02", "40"), c("e4", "K", "B", "2018-02", "100"));

        assertThat(score.value()).isEqualByComparingTo("70");
    }

    @Test
    void a_derived_component_is_computed_when_not_posted() {
        Indicator surplus = indicator("K", "%", Polarity.HIGHER_IS_BETTER, numeric("3", "%"))
                .withFormula(Formula.parse("(A - B) / A * 100").withDerived("B", "B1 + B2"));

        IndicatorScore derived = scoreOne(surplus, c("e1", "K", "A", "2018", "1000"), c("e2", "K", "B1", "2018", "900"),
                c("e3", "K", "B2", "2018", "60"));
        IndicatorScore posted = scoreOne(surplus, c("e1", "K", "A", "2018", "1000"), c("e4", "K", "B", "2018", "980"),
                c("e2", "K", "B1", "2018", "900"));

        assertThat(derived.value()).isEqualByComparingTo("4");
        assertThat(derived.steps()).contains("B = B1 + B2 = 900 + 60 = 960");
        assertThat(posted.value()).isEqualByComparingTo("2");
    }

    @Test
    void constants_need_no_measurement() {
        Indicator fixedDenominator = indicator("K", "%", Polarity.HIGHER_IS_BETTER, numeric("100", "%"))
                .withFormula(Formula.parse("A / K * 100").withConstant("K", d("12000")));

        assertThat(scoreOne(fixedDenominator, c("e1", "K", "A", "2018", "9000")).value()).isEqualByComparingTo("75");
    }

    @Test
    void incomplete_components_fall_back_to_a_direct_value() {
        IndicatorScore score = scoreOne(RATIO, c("e1", "K", "A", "2018", "30"), m("e2", "K", "2018", "72"));

        assertThat(score.value()).isEqualByComparingTo("72");
        assertThat(score.inputEventIds()).containsExactly("e2");
        assertThat(score.steps()).contains("components incomplete for 2018 (missing B) → direct value");
    }

    @Test
    void incomplete_components_without_a_direct_value_are_pending() {
        IndicatorScore score = scoreOne(RATIO, c("e1", "K", "A", "2018", "30"));

        assertThat(score.status()).isEqualTo(Status.PENDING);
        assertThat(score.value()).isNull();
        assertThat(score.points()).isNull();
    }

    @Test
    void complete_components_win_over_a_direct_value() {
        IndicatorScore score = scoreOne(RATIO, c("e1", "K", "A", "2018", "35"), c("e2", "K", "B", "2018", "50"),
                m("e3", "K", "2018", "99"));

        assertThat(score.value()).isEqualByComparingTo("70");
        assertThat(score.inputEventIds()).containsExactly("e1", "e2");
    }

    @Test
    void a_zero_denominator_is_not_scored() {
        IndicatorScore score = scoreOne(RATIO, c("e1", "K", "A", "2018", "0"), c("e2", "K", "B", "2018", "0"),
                m("e3", "K", "2018", "99"));

        assertThat(score.status()).isEqualTo(Status.NOT_SCORED);
        assertThat(score.flags()).containsExactly(Flag.DIVISION_BY_ZERO);
        assertThat(score.steps()).contains("value = A / B * 100 = 0 / 0 * 100: denominator B is 0");
    }

    @Test
    void a_zero_denominator_inside_parentheses_is_not_scored() {
        Indicator execution = indicator("K", "%", Polarity.HIGHER_IS_BETTER, numeric("80", "%"))
                .withFormula(Formula.parse("A / (B - C) * 100"));

        IndicatorScore score = scoreOne(execution, c("e1", "K", "A", "2018", "5"), c("e2", "K", "B", "2018", "10"),
                c("e3", "K", "C", "2018", "10"));

        assertThat(score.flags()).containsExactly(Flag.DIVISION_BY_ZERO);
    }

    @Test
    void measurements_of_other_indicators_are_ignored() {
        IndicatorScore score = scoreOne(COUNT, m("e1", "OTHER", "2018", "50"));

        assertThat(score.status()).isEqualTo(Status.PENDING);
    }

    @Test
    void a_malformed_period_is_rejected_loudly() {
        assertThatThrownBy(() -> scoreOne(COUNT, List.of(m("e1", "K", "2018-Q7", "1")), ScoringContext.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2018-Q7");
    }
}
