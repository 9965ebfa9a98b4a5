package io.planscore.engine;

import io.planscore.engine.PlanModel.Indicator;
import io.planscore.engine.Scorecard.IndicatorScore;
import io.planscore.engine.ScoringContext.AdminInput;
import io.planscore.engine.calc.Direction;
import io.planscore.engine.calc.Polarity;
import io.planscore.engine.calc.Relation;
import io.planscore.engine.target.BaselineRule;
import io.planscore.engine.target.TargetSpec;
import io.planscore.engine.target.TargetSpec.Compound.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.planscore.engine.Plans.YEAR;
import static io.planscore.engine.Plans.c;
import static io.planscore.engine.Plans.d;
import static io.planscore.engine.Plans.indicator;
import static io.planscore.engine.Plans.m;
import static io.planscore.engine.Plans.numeric;
import static io.planscore.engine.Plans.scoreOne;
import static org.assertj.core.api.Assertions.assertThat;

/** SCORING.md §3 and §4, one row per target form and edge case (§9: zero targets, zero actuals, missing data). */
class TargetFormsTest {

    private static final Polarity HIGHER = Polarity.HIGHER_IS_BETTER;
    private static final Polarity LOWER = Polarity.LOWER_IS_BETTER;

    /** One row: an indicator, its 2018 actual (or none), the context, and the expected judgement. */
    record Case(String name, Indicator indicator, List<Measurement> measurements, ScoringContext context,
                Status status, String achievement, Flag flag) {
        Case named(String newName) {
            return new Case(newName, indicator, measurements, context, status, achievement, flag);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Case row(String name, TargetSpec target, Polarity polarity, String actual, Status status,
                    String achievement) {
        return row(indicator("K", "%", polarity, target), actual, ScoringContext.empty(), status, achievement, null)
                .named(name);
    }

    static Case row(Indicator indicator, String actual, ScoringContext context, Status status, String achievement,
                    Flag flag) {
        List<Measurement> measurements = actual == null ? List.of() : List.of(m("e1", "K", "2018", actual));
        return new Case("", indicator, measurements, context, status, achievement, flag);
    }

    static TargetSpec.Numeric target(Relation relation, String value) {
        return new TargetSpec.Numeric(relation, d(value), "%", value);
    }

    static Indicator baselined(Direction direction, Polarity polarity, BaselineRule baseline) {
        return indicator("K", "件", polarity, new TargetSpec.VersusBaseline(direction,
                direction == Direction.INCREASE ? "↑" : "↓")).withBaseline(baseline);
    }

    static Stream<Case> cases() {
        Indicator compound = indicator("K", "%", HIGHER, new TargetSpec.Compound(List.of(
                new Part("P1", "staff", Relation.AT_LEAST, d("75"), "%"),
                new Part("P2", "heads", Relation.AT_LEAST, d("50"), "%")), "1. ≥75% 2. ≥50%"));
        Indicator external = indicator("K", "件", HIGHER, new TargetSpec.External(Relation.AT_LEAST, "件", "達警政署訂定目標值"));
        Indicator text = indicator("K", null, HIGHER, new TargetSpec.Text("汰舊換新 (數量未列)"));
        BaselineRule fixed10 = new BaselineRule.Fixed(d("10"));
        return Stream.of(
                // numeric, higher is better (comparator from polarity)
                row("higher: 12 of 10 is clamped to 1, MET", numeric("10", "%"), HIGHER, "12", Status.MET, "1"),
                row("higher: 9.5 of 10 is AT_RISK", numeric("10", "%"), HIGHER, "9.5", Status.AT_RISK, "0.95"),
                row("higher: 5 of 10 is OFF_TRACK", numeric("10", "%"), HIGHER, "5", Status.OFF_TRACK, "0.5"),
                row("higher: an actual of 0 scores 0", numeric("10", "%"), HIGHER, "0", Status.OFF_TRACK, "0"),
                row("higher: no actual is PENDING, never 0", numeric("10", "%"), HIGHER, null, Status.PENDING, null),
                row("higher: a negative actual clamps to 0", numeric("10", "%"), HIGHER, "-3", Status.OFF_TRACK, "0"),
                row(indicator("K", "輛", HIGHER, numeric("0", "輛")), "1", "higher: target 0 means nothing planned",
                        Flag.ZERO_TARGET),
                row(indicator("K", "輛", HIGHER, numeric("0", "輛")), null, "higher: target 0 is not scored even without actual",
                        Flag.ZERO_TARGET),
                row(indicator("K", "%", HIGHER, numeric("-2", "%")), "1", "a negative target is not scored",
                        Flag.NEGATIVE_TARGET),
                // strict comparators: v = t gives a = 1 but only AT_RISK
                row("> 10 with 10: a = 1, AT_RISK", target(Relation.ABOVE, "10"), HIGHER, "10", Status.AT_RISK, "1"),
                row("> 10 with 11: MET", target(Relation.ABOVE, "10"), HIGHER, "11", Status.MET, "1"),
                row("< 5 with 5: a = 1, AT_RISK", target(Relation.BELOW, "5"), LOWER, "5", Status.AT_RISK, "1"),
                row(">= 10 with 10: MET", target(Relation.AT_LEAST, "10"), HIGHER, "10", Status.MET, "1"),
                // lower is better
                row("lower: 14 days against 7 is 0.5", numeric("7", "日"), LOWER, "14", Status.OFF_TRACK, "0.5"),
                row("lower: 6.3 against 7 is MET", numeric("7", "日"), LOWER, "6.3", Status.MET, "1"),
                row("lower: actual 0 under a ceiling of 7 gives cap", numeric("7", "日"), LOWER, "0", Status.MET, "1"),
                row("lower: target 0 met by 0", numeric("0", "人"), LOWER, "0", Status.MET, "1"),
                row("lower: target 0 missed by 2", numeric("0", "人"), LOWER, "2", Status.OFF_TRACK, "0"),
                row("lower: target 0 met by negative growth", numeric("0", "%"), LOWER, "-4", Status.MET, "1"),
                row("<= comparator wins over polarity", target(Relation.AT_MOST, "100"), HIGHER, "125",
                        Status.OFF_TRACK, "0.8"),
                // = is a band of one value
                row("= 10 with 10: MET", target(Relation.EQUAL, "10"), HIGHER, "10", Status.MET, "1"),
                row("= 10 with 12.5: 10 / 12.5", target(Relation.EQUAL, "10"), HIGHER, "12.5", Status.OFF_TRACK, "0.8"),
                // between
                row("band: inside", new TargetSpec.Band(d("40"), d("60"), "%", "40%-60%"), Polarity.BAND, "50",
                        Status.MET, "1"),
                row("band: below is v / lo", new TargetSpec.Band(d("40"), d("60"), "%", "40%-60%"), Polarity.BAND,
                        "30", Status.OFF_TRACK, "0.75"),
                row("band: above is hi / v", new TargetSpec.Band(d("40"), d("60"), "%", "40%-60%"), Polarity.BAND,
                        "75", Status.OFF_TRACK, "0.8"),
                row("band: below a band starting at 0", new TargetSpec.Band(d("0"), d("5"), "%", "0-5%"),
                        Polarity.BAND, "-1", Status.OFF_TRACK, "0"),
                // versus baseline
                row(baselined(Direction.INCREASE, HIGHER, fixed10), "12", ScoringContext.empty(), Status.MET, "1", null)
                        .named("increase: 12 > 10 is MET"),
                row(baselined(Direction.INCREASE, HIGHER, fixed10), "10", ScoringContext.empty(), Status.AT_RISK, "1",
                        null).named("increase: equal to the baseline is a = 1 but AT_RISK"),
                row(baselined(Direction.INCREASE, HIGHER, fixed10), "8", ScoringContext.empty(), Status.OFF_TRACK, "0.8",
                        null).named("increase: 8 against 10 is v / b"),
                row(baselined(Direction.DECREASE, LOWER, fixed10), "8", ScoringContext.empty(), Status.MET, "1", null)
                        .named("decrease: 8 < 10 is MET"),
                row(baselined(Direction.DECREASE, LOWER, fixed10), "12.5", ScoringContext.empty(), Status.OFF_TRACK,
                        "0.8", null).named("decrease: 12.5 against 10 is b / v"),
                row(baselined(Direction.DECREASE, LOWER, new BaselineRule.MeanOfPreviousYears(3)), "8",
                        ScoringContext.empty(), Status.NOT_SCORED, null, Flag.NO_BASELINE)
                        .named("decrease: no history is NO_BASELINE"),
                // milestone
                row("milestone: 45% progress reached", new TargetSpec.Milestone(d("45"), "2019-12-31", "45%"), HIGHER,
                        "45", Status.MET, "1"),
                row("milestone: 30 of 50% progress", new TargetSpec.Milestone(d("50"), null, "50%"), HIGHER, "30",
                        Status.OFF_TRACK, "0.6"),
                row("milestone: no number means 100%", new TargetSpec.Milestone(null, "2024-06-30", "113 年上半年"),
                        HIGHER, "100", Status.MET, "1"),
                // compound: the minimum of the parts
                new Case("compound: both parts hold", compound,
                        List.of(c("e1", "K", "P1", "2018", "80"), c("e2", "K", "P2", "2018", "50")),
                        ScoringContext.empty(), Status.MET, "1", null),
                new Case("compound: the weaker part decides", compound,
                        List.of(c("e1", "K", "P1", "2018", "60"), c("e2", "K", "P2", "2018", "50")),
                        ScoringContext.empty(), Status.OFF_TRACK, "0.8", null),
                new Case("compound: a missing part is PENDING", compound, List.of(c("e1", "K", "P1", "2018", "80")),
                        ScoringContext.empty(), Status.PENDING, null, null),
                // none, missing, external, text
                row(indicator("K", "%", HIGHER, new TargetSpec.Unscorable(Flag.NO_TARGET, "-")), "5", "none: not scored",
                        Flag.NO_TARGET),
                row(indicator("K", "%", HIGHER, new TargetSpec.Unscorable(Flag.TARGET_MISSING, "")), "5",
                        "missing: not scored", Flag.TARGET_MISSING),
                row(external, "18", ScoringContext.empty(), Status.NOT_SCORED, null, Flag.EXTERNAL_TARGET_PENDING)
                        .named("external: not yet supplied"),
                row(external, "18", ScoringContext.empty().withExternalTarget("K", YEAR, new AdminInput("x1", d("20"))),
                        Status.AT_RISK, "0.9", null).named("external: supplied later"),
                row(text, null, ScoringContext.empty(), Status.NOT_SCORED, null, Flag.AWAITING_VERDICT)
                        .named("text: no verdict yet"),
                row(text, null, ScoringContext.empty().withVerdict("K", YEAR, new AdminInput("v1", d("1"))),
                        Status.MET, "1", null).named("text: verdict met"),
                row(text, null, ScoringContext.empty().withVerdict("K", YEAR, new AdminInput("v1", d("0.5"))),
                        Status.OFF_TRACK, "0.5", null).named("text: verdict half met"));
    }

    static Case row(Indicator indicator, String actual, String name, Flag flag) {
        return row(indicator, actual, ScoringContext.empty(), Status.NOT_SCORED, null, flag).named(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judges_each_target_form(Case row) {
        IndicatorScore score = scoreOne(row.indicator(), row.measurements(), row.context());

        assertThat(score.status()).isEqualTo(row.status());
        if (row.achievement() == null) {
            assertThat(score.achievement()).isNull();
        } else {
            assertThat(score.achievement()).isEqualByComparingTo(row.achievement());
        }
        if (row.flag() == null) {
            assertThat(score.flags()).isEmpty();
        } else {
            assertThat(score.flags()).containsExactly(row.flag());
        }
    }

    @Test
    void a_plan_cap_above_1_rewards_over_achievement() {
        Indicator k = indicator("K", "件", HIGHER, numeric("10", "件"));
        PlanModel plan = new PlanModel("p", 1, List.of(YEAR), d("1.2"), null, List.of(),
                List.of(new PlanModel.Goal("G1", "g", null, null, null, List.of(k))));

        IndicatorScore score = Plans.score(plan, List.of(m("e1", "K", "2018", "15")), ScoringContext.empty())
                .indicators().get(0);

        assertThat(score.achievement()).isEqualByComparingTo("1.2");
        assertThat(score.points()).isEqualByComparingTo("120");
        assertThat(score.steps()).contains("achievement = 15 / 10 = 1.5 → clamped to 1.2");
    }

    @Test
    void a_plan_amber_threshold_moves_the_at_risk_line() {
        Indicator k = indicator("K", "件", HIGHER, numeric("10", "件"));
        PlanModel plan = new PlanModel("p", 1, List.of(YEAR), null, d("0.8"), List.of(),
                List.of(new PlanModel.Goal("G1", "g", null, null, null, List.of(k))));

        IndicatorScore score = Plans.score(plan, List.of(m("e1", "K", "2018", "8.5")), ScoringContext.empty())
                .indicators().get(0);

        assertThat(score.status()).isEqualTo(Status.AT_RISK);
    }

    @Test
    void a_year_without_a_target_cell_is_not_scored() {
        Indicator k = indicator("K", "件", HIGHER, numeric("10", "件"));

        IndicatorScore score = new ScoringEngine().score(Plans.unweighted(k), 2030,
                List.of(m("e1", "K", "2030", "12")), ScoringContext.empty()).indicators().get(0);

        assertThat(score.status()).isEqualTo(Status.NOT_SCORED);
        assertThat(score.flags()).containsExactly(Flag.NO_TARGET);
    }
}
