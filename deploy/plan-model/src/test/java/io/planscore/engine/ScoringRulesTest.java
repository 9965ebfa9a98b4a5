package io.planscore.engine;

import io.planscore.engine.PlanModel.Indicator;
import io.planscore.engine.Scorecard.IndicatorScore;
import io.planscore.engine.ScoringContext.AdminInput;
import io.planscore.engine.ScoringContext.PeerResult;
import io.planscore.engine.calc.Polarity;
import io.planscore.engine.calc.Relation;
import io.planscore.engine.rules.BasePlusStepsRule;
import io.planscore.engine.rules.BonusDiscretionaryRule;
import io.planscore.engine.rules.ChecklistAllRule;
import io.planscore.engine.rules.ChecklistAllRule.Requirement;
import io.planscore.engine.rules.DeductionPerIncidentRule;
import io.planscore.engine.rules.MilestoneRule;
import io.planscore.engine.rules.PerUnitCappedRule;
import io.planscore.engine.rules.ProportionalRule;
import io.planscore.engine.rules.RankBonusRule;
import io.planscore.engine.rules.ReductionVsPreviousYearRule;
import io.planscore.engine.rules.ScoringRule;
import io.planscore.engine.rules.StageProgressMapRule;
import io.planscore.engine.rules.StageProgressMapRule.Stage;
import io.planscore.engine.rules.SumRule;
import io.planscore.engine.rules.ThresholdBandsRule;
import io.planscore.engine.rules.ThresholdBandsRule.Band;
import io.planscore.engine.target.TargetSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.planscore.engine.Plans.YEAR;
import static io.planscore.engine.Plans.c;
import static io.planscore.engine.Plans.d;
import static io.planscore.engine.Plans.indicator;
import static io.planscore.engine.Plans.m;
import static io.planscore.engine.Plans.numeric;
import static org.assertj.core.api.Assertions.assertThat;

/** SCORING.md §6, one table per rule type with its edge cases; points are checked in a weighted plan. */
class ScoringRulesTest {

    /** A rule, its inputs, and the expected points (null when there are none), status and flags. */
    record Case(String name, ScoringRule rule, TargetSpec target, List<Measurement> measurements,
                ScoringContext context, String points, Status status, Flag... flags) {
        Case withFlags(Flag... expected) {
            return new Case(name, rule, target, measurements, context, points, status, expected);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final TargetSpec PRINTED = numeric("100", "%");

    static Case value(String name, ScoringRule rule, String actual, String points, Status status, Flag... flags) {
        List<Measurement> measurements = actual == null ? List.of() : List.of(m("e1", "K", "2018", actual));
        return new Case(name, rule, PRINTED, measurements, ScoringContext.empty(), points, status, flags);
    }

    static Case components(String name, ScoringRule rule, String points, Status status, String... symbolValues) {
        List<Measurement> measurements = new ArrayList<>();
        for (int i = 0; i < symbolValues.length; i += 2) {
            measurements.add(c("e" + i, "K", symbolValues[i], "2018", symbolValues[i + 1]));
        }
        return new Case(name, rule, PRINTED, measurements, ScoringContext.empty(), points, status);
    }

    static Stream<Case> perUnitCapped() {
        ScoringRule rule = new PerUnitCappedRule(d("0.6"), d("5"), d("3"));
        return Stream.of(
                value("0 proposals", rule, "0", "0", Status.OFF_TRACK),
                value("3 proposals → 1.8", rule, "3", "1.8", Status.OFF_TRACK),
                value("5 proposals → full 3", rule, "5", "3", Status.MET),
                value("7 proposals → capped at 3", rule, "7", "3", Status.MET),
                value("no report → PENDING", rule, null, "0", Status.PENDING));
    }

    static Stream<Case> basePlusSteps() {
        ScoringRule inclusive = new BasePlusStepsRule(d("75"), true, d("2.5"), d("5"), d("0.2"), d("3.5"), null);
        ScoringRule exclusive = new BasePlusStepsRule(d("75"), false, d("2.5"), d("5"), d("0.2"), d("3.5"), d("0.5"));
        return Stream.of(
                value("74.9 is below the inclusive threshold", inclusive, "74.9", "0", Status.OFF_TRACK),
                value("75 earns the base", inclusive, "75", "2.5", Status.OFF_TRACK),
                value("79.99 is still one partial step", inclusive, "79.99", "2.5", Status.OFF_TRACK),
                value("80 is one full step", inclusive, "80", "2.7", Status.OFF_TRACK),
                value("100 reaches the maximum", inclusive, "100", "3.5", Status.MET),
                value("120 stays at the maximum", inclusive, "120", "3.5", Status.MET),
                value("75 under an exclusive threshold gets the below points", exclusive, "75", "0.5",
                        Status.OFF_TRACK),
                value("75.1 over an exclusive threshold gets the base", exclusive, "75.1", "2.5", Status.OFF_TRACK));
    }

    static Stream<Case> deductionPerIncident() {
        ScoringRule rule = new DeductionPerIncidentRule(d("1"), d("0.2"), null);
        ScoringRule withFloor = new DeductionPerIncidentRule(d("1"), d("0.2"), d("0.3"));
        return Stream.of(
                value("0 incidents keep the base", rule, "0", "1", Status.MET),
                value("2 incidents → 0.6", rule, "2", "0.6", Status.OFF_TRACK),
                value("6 incidents → floor 0", rule, "6", "0", Status.OFF_TRACK),
                value("a stated floor holds", withFloor, "6", "0.3", Status.OFF_TRACK),
                value("no report is PENDING, not full points", rule, null, "0", Status.PENDING));
    }

    static Stream<Case> thresholdBands() {
        // 003 F3-G3-K三: wearing ≤ 50 → 0, 51–99 → 0.5, 100 → 1, with gaps (50, 51) and (99, 100).
        ScoringRule rule = new ThresholdBandsRule(List.of(
                new Band(null, d("50"), false, true, d("0")),
                new Band(d("51"), d("99"), true, true, d("0.5")),
                new Band(d("100"), d("100"), true, true, d("1"))), null);
        return Stream.of(
                value("50 → 0", rule, "50", "0", Status.OFF_TRACK),
                value("75 → 0.5", rule, "75", "0.5", Status.OFF_TRACK),
                value("100 → 1", rule, "100", "1", Status.MET),
                value("50.5 falls in a gap", rule, "50.5", "0", Status.OFF_TRACK, Flag.NO_BAND),
                value("99.5 falls in a gap", rule, "99.5", "0", Status.OFF_TRACK, Flag.NO_BAND));
    }

    static Stream<Case> proportional() {
        ScoringRule rule = new ProportionalRule(d("0.5"), "done", "scheduled");
        return Stream.of(
                components("1 of 1 done", rule, "0.5", Status.MET, "done", "1", "scheduled", "1"),
                components("1 of 2 done", rule, "0.25", Status.OFF_TRACK, "done", "1", "scheduled", "2"),
                components("0 of 2 done", rule, "0", Status.OFF_TRACK, "done", "0", "scheduled", "2"),
                components("nothing scheduled", rule, "0", Status.NOT_SCORED, "done", "0", "scheduled", "0")
                        .withFlags(Flag.DIVISION_BY_ZERO),
                components("scheduled not reported", rule, "0", Status.PENDING, "done", "1"));
    }

    static Stream<Case> sum() {
        ScoringRule rule = new SumRule(List.of(
                new BasePlusStepsRule(d("75"), true, d("2.5"), d("5"), d("0.2"), d("3.5"), d("0")),
                new ProportionalRule(d("0.5"), "done", "scheduled")), d("4"));
        return Stream.of(
                new Case("83% and 1 of 2 heads → 2.7 + 0.25", rule, PRINTED,
                        List.of(m("e1", "K", "2018", "83"), c("e2", "K", "done", "2018", "1"),
                                c("e3", "K", "scheduled", "2018", "2")),
                        ScoringContext.empty(), "2.95", Status.OFF_TRACK),
                new Case("100% and all heads → 4", rule, PRINTED,
                        List.of(m("e1", "K", "2018", "100"), c("e2", "K", "done", "2018", "1"),
                                c("e3", "K", "scheduled", "2018", "1")),
                        ScoringContext.empty(), "4", Status.MET),
                new Case("a component not reported → PENDING", rule, PRINTED, List.of(m("e1", "K", "2018", "83")),
                        ScoringContext.empty(), "0", Status.PENDING));
    }

    static Stream<Case> bonusDiscretionary() {
        ScoringRule rule = new BonusDiscretionaryRule(d("1"));
        TargetSpec dash = new TargetSpec.Unscorable(Flag.NO_TARGET, "-");
        return Stream.of(
                new Case("award 0.5", rule, dash, List.of(), award("0.5"), "0.5", Status.OFF_TRACK),
                new Case("award above the maximum is clamped", rule, dash, List.of(), award("2"), "1", Status.MET),
                new Case("a negative award is clamped to 0", rule, dash, List.of(), award("-1"), "0", Status.OFF_TRACK),
                new Case("no award yet → PENDING", rule, dash, List.of(), ScoringContext.empty(), "0", Status.PENDING,
                        Flag.AWAITING_AWARD));
    }

    static Stream<Case> rankBonus() {
        RankBonusRule rule = new RankBonusRule(4, d("4"), null,
                new RankBonusRule.Exclusion(Relation.BELOW, BigDecimal.ZERO), null);
        RankBonusRule byTable = new RankBonusRule(4, d("4"), List.of(d("4"), d("2.5"), d("1")), null, null);
        TargetSpec dash = new TargetSpec.Unscorable(Flag.NO_TARGET, "-");
        return Stream.of(
                rank("rank 1 → 4", rule, dash, "30", "4", Status.MET, "20", "12", "5"),
                rank("tie for first: both rank 1", rule, dash, "20", "4", Status.MET, "20", "12"),
                rank("tie for second shares rank 2 → 3", rule, dash, "12", "3", Status.OFF_TRACK, "20", "12", "5"),
                rank("below a tie for first: rank 3 → 2", rule, dash, "12", "2", Status.OFF_TRACK, "20", "20", "5"),
                rank("rank 5 of top 4 → 0", rule, dash, "1", "0", Status.OFF_TRACK, "5", "4", "3", "2"),
                rank("negative growth is excluded", rule, dash, "-3", "0", Status.OFF_TRACK, "20")
                        .withFlags(Flag.RANK_EXCLUDED),
                rank("excluded peers do not outrank", rule, dash, "1", "4", Status.MET, "-5", "-2"),
                rank("growth of exactly 0 is not excluded", rule, dash, "0", "4", Status.MET, "-1"),
                rank("points_by_rank table", byTable, dash, "12", "2.5", Status.OFF_TRACK, "20", "5"),
                rank("a rank beyond the table → 0", byTable, dash, "1", "0", Status.OFF_TRACK, "20", "5", "3"),
                rank("provisional while a peer has not reported", rule, dash, "30", "4", Status.MET, "20", null)
                        .withFlags(Flag.PROVISIONAL),
                new Case("no peer results yet → PENDING", rule, dash, List.of(m("e1", "K", "2018", "30")),
                        ScoringContext.empty(), "0", Status.PENDING, Flag.AWAITING_PEER_RESULTS));
    }

    static Stream<Case> measureRules() {
        TargetSpec half = numeric("50", "%");
        StageProgressMapRule stages = new StageProgressMapRule(List.of(
                new Stage("contract", d("20")), new Stage("works", d("90")), new Stage("acceptance", d("100"))));
        ChecklistAllRule checklist = new ChecklistAllRule(List.of(
                new Requirement("R1", "inventory built", null, null),
                new Requirement("R2", "inspections", Relation.AT_LEAST, d("150")),
                new Requirement("R3", "report filed", null, null)));
        ScoringRule reduction = new ReductionVsPreviousYearRule(d("1"));
        return Stream.of(
                new Case("milestone: 50 of 50% progress", new MilestoneRule(), half,
                        List.of(m("e1", "K", "2018", "50")), ScoringContext.empty(), "4", Status.MET),
                new Case("milestone: 25 of 50% progress", new MilestoneRule(), half,
                        List.of(m("e1", "K", "2018", "25")), ScoringContext.empty(), "2", Status.OFF_TRACK),
                components("stages: works done → 90 of 100%", stages, "3.6", Status.AT_RISK, "works", "1"),
                components("stages: accepted → 100%", stages, "4", Status.MET, "contract", "1", "works", "1",
                        "acceptance", "1"),
                components("stages: none reported → PENDING", stages, "0", Status.PENDING),
                components("checklist: all met", checklist, "4", Status.MET, "R1", "1", "R2", "160", "R3", "1"),
                components("checklist: 2 of 3 met", checklist, "2.6666666666666666666666666666666668",
                        Status.OFF_TRACK, "R1", "1", "R2", "140", "R3", "1"),
                components("checklist: one not reported → PENDING", checklist, "0", Status.PENDING, "R1", "1",
                        "R2", "160"),
                new Case("reduction: 5 → 3 deaths is a reduction of 2 ≥ 1", reduction, numeric("1", "人"),
                        List.of(m("e0", "K", "2017", "5"), m("e1", "K", "2018", "3")), ScoringContext.empty(), "4",
                        Status.MET),
                new Case("reduction: no change", reduction, numeric("1", "人"),
                        List.of(m("e0", "K", "2017", "5"), m("e1", "K", "2018", "5")), ScoringContext.empty(), "0",
                        Status.OFF_TRACK),
                new Case("reduction: previous year entered by an administrator", reduction, numeric("1", "人"),
                        List.of(m("e1", "K", "2018", "4")),
                        ScoringContext.empty().withBaselineValue("K", 2017, new AdminInput("b1", d("5"))), "4",
                        Status.MET),
                new Case("reduction: no previous year", reduction, numeric("1", "人"),
                        List.of(m("e1", "K", "2018", "3")), ScoringContext.empty(), "0", Status.NOT_SCORED,
                        Flag.NO_BASELINE),
                new Case("reduction: minimum from the year's target", new ReductionVsPreviousYearRule(null),
                        numeric("2", "人"), List.of(m("e0", "K", "2017", "5"), m("e1", "K", "2018", "4")),
                        ScoringContext.empty(), "2", Status.OFF_TRACK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"perUnitCapped", "basePlusSteps", "deductionPerIncident", "thresholdBands", "proportional", "sum",
            "bonusDiscretionary", "rankBonus", "measureRules"})
    void evaluates_each_rule(Case row) {
        Indicator k = indicator("K", "%", Polarity.HIGHER_IS_BETTER, row.target()).withRule(row.rule());

        IndicatorScore score = Plans.score(Plans.weighted(k, "4"), row.measurements(), row.context())
                .indicators().get(0);

        assertThat(score.status()).as("status").isEqualTo(row.status());
        assertThat(score.points()).as("points").isEqualByComparingTo(row.points());
        assertThat(score.flags()).as("flags").containsExactlyInAnyOrder(row.flags());
        assertThat(score.rule().type()).isEqualTo(row.rule().type());
    }

    private static ScoringContext award(String points) {
        return ScoringContext.empty().withAward("K", YEAR, new AdminInput("a1", d(points)));
    }

    private static Case rank(String name, RankBonusRule rule, TargetSpec target, String own, String points,
                             Status status, String... peers) {
        List<PeerResult> results = new ArrayList<>();
        for (int i = 0; i < peers.length; i++) {
            results.add(new PeerResult("peer" + i, peers[i] == null ? null : d(peers[i])));
        }
        return new Case(name, rule, target, List.of(m("e1", "K", "2018", own)),
                ScoringContext.empty().withPeerResults("K", YEAR, results), points, status);
    }
}
