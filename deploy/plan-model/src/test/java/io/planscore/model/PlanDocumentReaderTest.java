package io.planscore.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.engine.Flag;
import io.planscore.engine.PlanModel;
import io.planscore.engine.PlanModel.Indicator;
import io.planscore.engine.calc.Direction;
import io.planscore.engine.calc.Polarity;
import io.planscore.engine.calc.Relation;
import io.planscore.engine.measure.Aggregation;
import io.planscore.engine.rules.BasePlusStepsRule;
import io.planscore.engine.rules.ProportionalRule;
import io.planscore.engine.rules.RankBonusRule;
import io.planscore.engine.rules.ScoringRule;
import io.planscore.engine.rules.SumRule;
import io.planscore.engine.rules.ThresholdBandsRule;
import io.planscore.engine.target.BaselineRule;
import io.planscore.engine.target.TargetSpec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** How fixture shapes map to the engine model. */
class PlanDocumentReaderTest {

    private static final PlanModel SEED_001 = Fixtures.plan("001_keelung-police_107-110.json");
    private static final PlanModel SEED_003 = Fixtures.plan("003_chiayi-police_107.json");
    private static final PlanModel SEED_004 = Fixtures.plan("004_taichung-police_113.json");

    private static Indicator indicator(PlanModel plan, String id) {
        return plan.indicators().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void reads_ad_years_goals_and_weights() {
        assertThat(SEED_001.years()).containsExactly(2018, 2019, 2020, 2021);
        assertThat(SEED_001.weighted()).isFalse();
        assertThat(SEED_001.goals()).hasSize(9);
        assertThat(SEED_003.years()).containsExactly(2018);
        assertThat(SEED_003.weighted()).isTrue();
        assertThat(SEED_003.facets()).extracting(PlanModel.Facet::cap).containsExactly(null, null, null,
                new BigDecimal("20"), null);
        assertThat(SEED_003.goals().stream().filter(PlanModel.Goal::bonusOnly).map(PlanModel.Goal::id))
                .containsExactly("F4-G2", "F4-G3");
        assertThat(SEED_003.achievementCap()).isEqualByComparingTo("1");
        assertThat(SEED_003.amberThreshold()).isEqualByComparingTo("0.9");
    }

    @Test
    void maps_every_rule_of_seed_003() {
        Map<String, String> types = SEED_003.indicators().filter(i -> i.rule() != null)
                .collect(Collectors.toMap(Indicator::id, i -> i.rule().type()));

        assertThat(types).containsOnly(
                Map.entry("F3-G1-K二", "per_unit_capped"),
                Map.entry("F3-G2-K一", "base_plus_steps"),
                Map.entry("F3-G2-K二", "base_plus_steps"),
                Map.entry("F3-G3-K一", "deduction_per_incident"),
                Map.entry("F3-G3-K二", "deduction_per_incident"),
                Map.entry("F3-G3-K三", "threshold_bands"),
                Map.entry("F3-G4-K1", "sum"),
                Map.entry("F4-G2-K1", "bonus_discretionary"),
                Map.entry("F4-G3-K1", "rank_bonus"));
        assertThat(SEED_003.indicators().flatMap(i -> i.targets().values().stream()))
                .noneMatch(t -> t instanceof TargetSpec.Unscorable u && u.reason() == Flag.UNSUPPORTED_RULE);
    }

    @Test
    void reads_worded_band_conditions_with_their_gaps() {
        ThresholdBandsRule bands = (ThresholdBandsRule) indicator(SEED_003, "F3-G3-K三").rule();

        assertThat(bands.bands()).hasToString(
                "[(−∞, 50] → 0, [51, 99] → 0.5, [100, 100] → 1]");
        assertThat(bands.maxPoints()).isEqualByComparingTo("1");
    }

    @Test
    void reads_unstated_below_threshold_points_as_zero_and_person_completion_as_proportional() {
        BasePlusStepsRule learning = (BasePlusStepsRule) indicator(SEED_003, "F3-G2-K一").rule();
        SumRule health = (SumRule) indicator(SEED_003, "F3-G4-K1").rule();

        assertThat(learning.belowThresholdPoints()).isEqualByComparingTo("0");
        assertThat(learning.thresholdInclusive()).isTrue();
        assertThat(health.maxPoints()).isEqualByComparingTo("4");
        assertThat(health.components().get(1)).isEqualTo(new ProportionalRule(new BigDecimal("0.5"), "done", "scheduled"));
    }

    @Test
    void reads_the_rank_exclusion_and_the_missing_points_table() {
        RankBonusRule rank = (RankBonusRule) indicator(SEED_003, "F4-G3-K1").rule();

        assertThat(rank.topN()).isEqualTo(4);
        assertThat(rank.pointsByRank()).isEmpty();
        assertThat(rank.excludeIf()).isEqualTo(new RankBonusRule.Exclusion(Relation.BELOW, BigDecimal.ZERO));
        assertThat(rank.peerGroup()).as("the bureaus of one city rank together").isEqualTo("嘉義市政府");
    }

    @Test
    void reads_baselines_and_direction_targets() {
        Indicator clearance = indicator(SEED_003, "F1-G1-K1");
        Indicator incidence = indicator(SEED_003, "F1-G1-K2");
        Indicator patrol = indicator(SEED_003, "F2-G4-K1");
        Indicator accidents = indicator(SEED_004, "G4-K1");
        Indicator unstated = indicator(SEED_004, "G2-K3");

        assertThat(clearance.baseline()).isEqualTo(new BaselineRule.MeanOfPreviousYears(3));
        assertThat(clearance.targets().get(2018)).isEqualTo(new TargetSpec.VersusBaseline(Direction.INCREASE, "↑"));
        assertThat(incidence.targets().get(2018)).isEqualTo(new TargetSpec.VersusBaseline(Direction.DECREASE, "↓"));
        assertThat(patrol.baseline()).isEqualTo(new BaselineRule.PreviousYear());
        assertThat(accidents.baseline()).isEqualTo(new BaselineRule.PreviousYear());
        assertThat(unstated.baseline()).as("提高 with no baseline is read year on year")
                .isEqualTo(new BaselineRule.PreviousYear());
    }

    @Test
    void says_how_many_years_before_the_plan_each_indicator_reads() {
        assertThat(indicator(SEED_003, "F1-G1-K1").yearsReadBefore()).as("mean of 3 years").isEqualTo(3);
        assertThat(indicator(SEED_004, "G2-K3").yearsReadBefore()).as("提高, year on year").isEqualTo(1);
        assertThat(indicator(SEED_001, "G3-K2").yearsReadBefore()).as("the change itself is posted").isZero();
        assertThat(indicator(SEED_001, "G1-K1").yearsReadBefore()).isZero();
    }

    @Test
    void reads_formulas_with_derived_components_and_constants() {
        Indicator surplus = indicator(SEED_001, "C1-K1");
        Indicator taxTarget = indicator(Fixtures.plan("002-15_keelung-tax-bureau_109-112.json"), "G4-K1");

        assertThat(surplus.formula().expression().render(s -> s)).isEqualTo("(A - B) / A * 100");
        assertThat(surplus.formula().derived()).containsOnlyKeys("B");
        assertThat(taxTarget.formula().constants()).containsEntry("K", new BigDecimal("12000"));
    }

    @Test
    void defaults_aggregation_per_unit_and_form() {
        assertThat(indicator(SEED_001, "G1-K1").aggregation()).as("%").isEqualTo(Aggregation.LAST);
        assertThat(indicator(SEED_001, "G2-K1").aggregation()).as("場").isEqualTo(Aggregation.SUM);
        assertThat(indicator(SEED_001, "C3-K1").aggregation()).as("formula").isEqualTo(Aggregation.LAST);
        Indicator rank = indicator(Fixtures.plan("002-04_keelung-education_109-112.json"), "G6-K1");
        assertThat(rank.aggregation()).as("rank").isEqualTo(Aggregation.LAST);
        assertThat(rank.polarity()).isEqualTo(Polarity.LOWER_IS_BETTER);
        assertThat(indicator(SEED_004, "G3-K3").aggregation()).as("milestone").isEqualTo(Aggregation.LAST);
        assertThat(indicator(SEED_004, "G3-K3").unit()).isEqualTo("%");
    }

    @Test
    void maps_the_other_target_forms() {
        assertThat(indicator(SEED_004, "G2-K1").targets().get(2024)).isInstanceOf(TargetSpec.External.class);
        assertThat(indicator(SEED_004, "G3-K2").targets().get(2024)).isInstanceOf(TargetSpec.Text.class);
        assertThat(indicator(SEED_004, "G3-K3").targets().get(2024))
                .isEqualTo(new TargetSpec.Milestone(null, "2024-06-30", "113 年上半年"));
        assertThat(indicator(SEED_004, "G5-K4").targets().get(2024))
                .isEqualTo(new TargetSpec.Numeric(null, new BigDecimal("12"), "次/年", "每月"));
        assertThat(indicator(SEED_004, "G1-K6-1-3").targets().get(2024))
                .isEqualTo(new TargetSpec.Numeric(null, new BigDecimal("600000"), "元", "60 萬元"));
        assertThat(indicator(SEED_003, "F3-G1-K二").targets().get(2018))
                .isEqualTo(new TargetSpec.Numeric(Relation.AT_LEAST, new BigDecimal("5"), "案", "5 案以上"));
        assertThat(indicator(SEED_003, "F4-G2-K1").targets().get(2018))
                .isEqualTo(new TargetSpec.Unscorable(Flag.NO_TARGET, "-"));
        PlanModel health = Fixtures.plan("002-18_keelung-public-health_109-112.json");
        assertThat(indicator(health, "G9-K1").targets().get(2022))
                .isEqualTo(new TargetSpec.Unscorable(Flag.TARGET_MISSING, ""));
        TargetSpec.Compound compound = (TargetSpec.Compound) indicator(SEED_003, "F3-G4-K1").targets().get(2018);
        assertThat(compound.parts()).extracting(TargetSpec.Compound.Part::component).containsExactly("P1", "P2");
        assertThat(indicator(SEED_003, "F3-G4-K1").componentAggregation("P1")).isEqualTo(Aggregation.LAST);
    }

    @Test
    void what_cannot_be_checked_becomes_a_flagged_target_never_an_exception() throws Exception {
        JsonNode document = new ObjectMapper().readTree("""
                {"plan": {"period": {"ad_start": 2020, "ad_end": 2020}},
                 "facets": [],
                 "goals": [{"id": "G1", "name": "g", "facet_id": null, "weight_pct": null, "bonus_max_pct": null,
                   "indicators": [
                     {"id": "K1", "name": "unknown rule", "polarity": {"value": "higher_is_better"}, "formula": null,
                      "scoring_rule": {"type": "coin_toss", "text": "?"},
                      "targets": [{"year_ad": 2020, "raw": "5件", "form": "quantity", "comparator": null, "value": 5, "unit": "件"}]},
                     {"id": "K2", "name": "worded band", "polarity": {"value": "higher_is_better"}, "formula": null,
                      "scoring_rule": {"type": "threshold_bands", "text": "?", "bands": [{"condition": "mostly fine", "points": 1}]},
                      "targets": [{"year_ad": 2020, "raw": "100%", "form": "percent", "comparator": null, "value": 100, "unit": "%"}]},
                     {"id": "K3", "name": "odd cells", "polarity": {"value": "higher_is_better"},
                      "formula": {"text": "?", "operands": {}, "expression": "A ^ B", "result_unit": "%"},
                      "scoring_rule": null,
                      "targets": [{"year_ad": 2020, "raw": "約 5", "form": "quantity", "comparator": "about", "value": 5, "unit": "件"},
                                  {"year_ad": 2021, "raw": "很多", "form": "quantity", "comparator": null, "value": null, "unit": "件"},
                                  {"year_ad": 2022, "raw": "?", "form": "frequency_plus", "comparator": null, "value": null, "unit": null}]}
                   ]}]}
                """);

        PlanModel plan = PlanDocumentReader.read("synthetic", 3, document);

        assertThat(indicator(plan, "K1").rule()).isNull();
        assertThat(indicator(plan, "K1").targets().get(2020)).isEqualTo(new TargetSpec.Unscorable(Flag.UNSUPPORTED_RULE, "5件"));
        assertThat(indicator(plan, "K2").targets().get(2020)).isEqualTo(new TargetSpec.Unscorable(Flag.UNSUPPORTED_RULE, "100%"));
        assertThat(indicator(plan, "K3").formula()).as("unparseable formula: direct values only").isNull();
        assertThat(indicator(plan, "K3").targets().values()).allMatch(t -> t instanceof TargetSpec.Unscorable u
                && u.reason() == Flag.UNSUPPORTED_TARGET);
        assertThat(plan.version()).isEqualTo(3);
    }

    @Test
    void every_fixture_rule_is_machine_checkable() {
        long unsupported = Fixtures.all().stream()
                .map(path -> PlanDocumentReader.read("p", 1, Fixtures.document(path)))
                .flatMap(PlanModel::indicators)
                .flatMap(i -> i.targets().values().stream())
                .filter(t -> t instanceof TargetSpec.Unscorable u && u.reason() != Flag.NO_TARGET
                        && u.reason() != Flag.TARGET_MISSING)
                .count();
        long rules = Fixtures.all().stream()
                .map(path -> PlanDocumentReader.read("p", 1, Fixtures.document(path)))
                .flatMap(PlanModel::indicators)
                .map(Indicator::rule)
                .filter(ScoringRule.class::isInstance)
                .count();

        assertThat(unsupported).isZero();
        assertThat(rules).isEqualTo(9);
    }
}
