package io.planscore.measurements.plan;

import io.planscore.measurements.support.TestPlans;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PlanDocumentReaderTest {

    static Map<String, IndicatorRules> rules(String file) {
        return PlanDocumentReader.read(TestPlans.document(file)).indicators().stream()
                .collect(Collectors.toMap(IndicatorRules::indicatorId, Function.identity()));
    }

    @Test
    void everySeedPlanReads() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(TestPlans.SEED_PLANS)) {
            files = list.filter(p -> p.getFileName().toString().matches("\\d.*\\.json")).sorted().toList();
        }
        assertThat(files).hasSize(23);
        int indicators = 0;
        for (Path file : files) {
            PlanDocumentReader.Derived derived = PlanDocumentReader.read(TestPlans.document(file.getFileName().toString()));
            assertThat(derived.adEnd()).isGreaterThanOrEqualTo(derived.adStart());
            indicators += derived.indicators().size();
        }
        assertThat(indicators).isEqualTo(583 + 63);
    }

    @Test
    void unitsScalesComponentsBaselinesAndSigns() {
        Map<String, IndicatorRules> education = rules(TestPlans.KEELUNG_EDUCATION);
        assertThat(education.get("G6-K2").unit()).isEqualTo("人次");
        assertThat(education.get("G6-K2").scale()).isEqualTo(10000);
        assertThat(education.get("G6-K2").nonNegative()).isTrue();

        Map<String, IndicatorRules> keelung = rules(TestPlans.KEELUNG_POLICE);
        IndicatorRules surplus = keelung.get("C1-K1");
        assertThat(surplus.components()).containsExactly("A", "B", "B1", "B2");
        assertThat(surplus.nonNegative()).isFalse(); // a % surplus can be negative
        IndicatorRules reduction = keelung.get("G3-K2"); // 與前年相較年度減少 A1 事故死亡總人數: 1人
        assertThat(reduction.nonNegative()).isFalse();
        // The reduction itself is posted and scored against 1人: the engine reads no earlier year.
        assertThat(reduction.baselineYears()).isZero();

        // 「降低」/「提高」 without a stated baseline are read against the previous year, so its actual is accepted.
        Map<String, IndicatorRules> taichung = rules("004_taichung-police_113.json");
        assertThat(taichung.get("G2-K2").baselineYears()).isEqualTo(1);
        assertThat(taichung.get("G2-K3").baselineYears()).isEqualTo(1);

        Map<String, IndicatorRules> chiayi = rules(TestPlans.CHIAYI_POLICE);
        assertThat(chiayi.get("F1-G4-K1").unit()).isEqualTo("人(次)");
        assertThat(chiayi.get("F1-G1-K1").unit()).isNull();
        assertThat(chiayi.get("F1-G1-K1").nonNegative()).isFalse();
        assertThat(chiayi.get("F4-G3-K1").components()).containsExactly("A", "B");
        // formula A / B, a two-part compound target and a sum rule with a per_person_completion (proportional) part
        assertThat(chiayi.get("F3-G4-K1").components()).containsExactly("A", "B", "P1", "P2", "done", "scheduled");
    }
}
