package io.planscore.engine;

import io.planscore.engine.PlanModel.Facet;
import io.planscore.engine.PlanModel.Goal;
import io.planscore.engine.PlanModel.Indicator;
import io.planscore.engine.Scorecard.IndicatorScore;
import io.planscore.engine.calc.Direction;
import io.planscore.engine.calc.Polarity;
import io.planscore.engine.calc.Relation;
import io.planscore.engine.measure.Aggregation;
import io.planscore.engine.measure.Formula;
import io.planscore.engine.rules.BasePlusStepsRule;
import io.planscore.engine.rules.PerUnitCappedRule;
import io.planscore.engine.rules.ScoringRule;
import io.planscore.engine.target.BaselineRule;
import io.planscore.engine.target.TargetSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.planscore.engine.Plans.YEAR;
import static io.planscore.engine.Plans.d;
import static io.planscore.engine.Plans.indicator;
import static io.planscore.engine.Plans.m;
import static io.planscore.engine.Plans.numeric;
import static org.assertj.core.api.Assertions.assertThat;

/** Properties the contract promises for any input. */
class ScoringPropertiesTest {

    private final ScoringEngine engine = new ScoringEngine();

    /** A weighted plan touching every aggregation, a formula, a baseline and a rule. */
    private static final PlanModel PLAN = PlanModel.of("prop", 1, List.of(YEAR),
            List.of(new Facet("F1", "f1", d("60"), d("50")), new Facet("F2", "f2", d("40"), null)),
            List.of(new Goal("G1", "flows", "F1", d("30"), null, List.of(
                            indicator("SUM", "件", Polarity.HIGHER_IS_BETTER, numeric("50", "件")).withWeight(d("10")),
                            indicator("LAST", "%", Polarity.HIGHER_IS_BETTER, numeric("80", "%")).withWeight(d("10")),
                            indicator("MAX", "%", Polarity.LOWER_IS_BETTER, numeric("20", "%"))
                                    .withAggregation(Aggregation.MAX).withWeight(d("5")),
                            indicator("MEAN", "日", Polarity.LOWER_IS_BETTER, numeric("7", "日"))
                                    .withAggregation(Aggregation.MEAN).withWeight(d("5")))),
                    new Goal("G2", "ratios", "F1", d("30"), null, List.of(
                            indicator("RATIO", "%", Polarity.HIGHER_IS_BETTER, numeric("70", "%"))
                                    .withFormula(Formula.parse("A / (B - C) * 100")).withAggregation(Aggregation.LAST)
                                    .withWeight(d("15")),
                            indicator("TREND", "件", Polarity.HIGHER_IS_BETTER,
                                    new TargetSpec.VersusBaseline(Direction.INCREASE, "↑"))
                                    .withBaseline(new BaselineRule.MeanOfPreviousYears(2)).withWeight(d("15")))),
                    new Goal("G3", "rules", "F2", d("40"), null, List.of(
                            indicator("RULE", "案", Polarity.HIGHER_IS_BETTER, numeric("5", "案"))
                                    .withRule(new PerUnitCappedRule(d("0.6"), d("5"), d("3"))).withWeight(d("40"))))));

    private static final List<String> INDICATORS = List.of("SUM", "LAST", "MAX", "MEAN", "RATIO", "TREND", "RULE");

    @Property
    void arrival_order_never_changes_the_scorecard(@ForAll("events") List<Measurement> events, @ForAll Random random) {
        List<Measurement> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, random);

        assertThat(engine.score(PLAN, YEAR, shuffled, ScoringContext.empty()))
                .isEqualTo(engine.score(PLAN, YEAR, events, ScoringContext.empty()));
    }

    @Property
    void the_same_inputs_give_an_equal_scorecard(@ForAll("events") List<Measurement> events) {
        Scorecard first = engine.score(PLAN, YEAR, events, ScoringContext.empty());
        Scorecard second = engine.score(PLAN, YEAR, List.copyOf(events), ScoringContext.empty());

        assertThat(second).isEqualTo(first);
    }

    @Property
    void the_weighted_total_stays_within_0_and_its_maximum(@ForAll("events") List<Measurement> events) {
        Scorecard card = engine.score(PLAN, YEAR, events, ScoringContext.empty());

        assertThat(card.totalScore()).isBetween(BigDecimal.ZERO, card.maxScore());
        assertThat(card.facets().get(0).score()).isLessThanOrEqualTo(d("50"));
    }

    @Property
    void a_higher_value_never_lowers_a_higher_is_better_score(@ForAll("positive") BigDecimal target,
                                                             @ForAll("values") BigDecimal a,
                                                             @ForAll("values") BigDecimal b,
                                                             @ForAll("higherIsBetter") TargetSpec.Numeric form) {
        Indicator k = indicator("K", "件", Polarity.HIGHER_IS_BETTER,
                new TargetSpec.Numeric(form.relation(), target, "件", "t"));
        IndicatorScore lower = Plans.scoreOne(k, m("e1", "K", "2018", a.min(b).toPlainString()));
        IndicatorScore higher = Plans.scoreOne(k, m("e1", "K", "2018", a.max(b).toPlainString()));

        assertThat(higher.points()).isGreaterThanOrEqualTo(lower.points());
        assertThat(higher.status().compareTo(lower.status())).isLessThanOrEqualTo(0);
    }

    @Property
    void a_higher_value_never_lowers_rule_points(@ForAll("values") BigDecimal a, @ForAll("values") BigDecimal b,
                                                 @ForAll("monotoneRules") ScoringRule rule) {
        Indicator k = indicator("K", "%", Polarity.HIGHER_IS_BETTER, numeric("100", "%")).withRule(rule);
        PlanModel plan = Plans.weighted(k, "5");

        BigDecimal lower = points(plan, a.min(b));
        BigDecimal higher = points(plan, a.max(b));

        assertThat(higher).isGreaterThanOrEqualTo(lower);
    }

    @Property
    void achievement_stays_within_0_and_cap_and_status_follows_it(@ForAll("targets") BigDecimal target,
                                                                @ForAll("signedValues") BigDecimal value,
                                                                @ForAll Polarity polarity,
                                                                @ForAll("relations") Relation relation) {
        Indicator k = indicator("K", "%", polarity, new TargetSpec.Numeric(relation, target, "%", "t"));

        IndicatorScore score = Plans.scoreOne(k, m("e1", "K", "2018", value.toPlainString()));

        if (score.achievement() != null) {
            assertThat(score.achievement()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            if (score.status() == Status.MET) {
                assertThat(score.achievement()).isEqualByComparingTo("1");
            }
            if (score.status() == Status.OFF_TRACK) {
                assertThat(score.achievement()).isLessThan(PlanModel.DEFAULT_AMBER_THRESHOLD);
            }
        } else {
            assertThat(score.status()).isEqualTo(Status.NOT_SCORED);
        }
    }

    private BigDecimal points(PlanModel plan, BigDecimal value) {
        return engine.score(plan, YEAR, List.of(m("e1", "K", "2018", value.toPlainString())), ScoringContext.empty())
                .indicators().get(0).points();
    }

    @Provide
    Arbitrary<List<Measurement>> events() {
        Arbitrary<String> indicator = Arbitraries.of(INDICATORS);
        Arbitrary<String> component = Arbitraries.of("A", "B", "C", "");
        // Several periods share an end (2018, 2018-H2, 2018-Q4, 2018-12) and recordings collide, to test tie-breaks.
        Arbitrary<String> period = Arbitraries.of("2016", "2017-H1", "2017", "2018-01", "2018-Q1", "2018-H1",
                "2018-Q4", "2018-12", "2018-H2", "2018");
        Arbitrary<Instant> recordedAt = Arbitraries.of(Instant.parse("2019-01-01T00:00:00Z"),
                Instant.parse("2019-02-01T00:00:00Z"));
        Arbitrary<BigDecimal> value = Arbitraries.bigDecimals().between(BigDecimal.ZERO, d("200")).ofScale(1);
        return Combinators.combine(indicator, component, period, value, recordedAt)
                .as((id, symbol, p, v, at) -> new Measurement("", id,
                        id.equals("RATIO") && !symbol.isEmpty() ? symbol : null, p, v, at))
                .list().ofMaxSize(25)
                .map(ScoringPropertiesTest::withUniqueIds);
    }

    @Provide
    Arbitrary<BigDecimal> values() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, d("1000")).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> signedValues() {
        return Arbitraries.bigDecimals().between(d("-100"), d("1000")).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> positive() {
        return Arbitraries.bigDecimals().between(d("0.01"), d("1000")).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> targets() {
        return Arbitraries.oneOf(Arbitraries.just(BigDecimal.ZERO), Arbitraries.bigDecimals().between(d("-10"), d("500")).ofScale(1));
    }

    @Provide
    Arbitrary<Relation> relations() {
        return Arbitraries.of(Relation.values()).injectNull(0.3);
    }

    @Provide
    Arbitrary<TargetSpec.Numeric> higherIsBetter() {
        return Arbitraries.of(Relation.AT_LEAST, Relation.ABOVE).injectNull(0.3)
                .map(relation -> new TargetSpec.Numeric(relation, BigDecimal.ONE, null, "t"));
    }

    @Provide
    Arbitrary<ScoringRule> monotoneRules() {
        return Arbitraries.of(
                new PerUnitCappedRule(d("0.6"), d("5"), d("3")),
                new BasePlusStepsRule(d("75"), true, d("2.5"), d("5"), d("0.2"), d("3.5"), null),
                new BasePlusStepsRule(d("60"), false, d("1"), d("10"), d("1"), d("5"), d("0.5")));
    }

    private static List<Measurement> withUniqueIds(List<Measurement> events) {
        List<Measurement> numbered = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Measurement e = events.get(i);
            numbered.add(new Measurement("e" + i, e.indicatorId(), e.component(), e.period(), e.value(), e.recordedAt()));
        }
        return numbered;
    }
}
