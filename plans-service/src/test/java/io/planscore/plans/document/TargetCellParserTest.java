package io.planscore.plans.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.plans.Fixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The cell parser against every target cell of the 23 fixtures (read by hand or by the fixture scripts). */
class TargetCellParserTest {

    @Test
    void examples() {
        assertThat(TargetCellParser.parse("85%")).isEqualTo(new TargetCellParser.Cell("85%", "percent", null,
                new BigDecimal("85"), null, new BigDecimal("85"), "%"));
        assertThat(TargetCellParser.parse("8.5 萬人次")).isEqualTo(new TargetCellParser.Cell("8.5 萬人次", "quantity", null,
                new BigDecimal("8.5"), 10000, new BigDecimal("85000.0"), "人次"));
        assertThat(TargetCellParser.parse("≥121 人(次)").comparator()).isEqualTo(">=");
        assertThat(TargetCellParser.parse("5 案以上").comparator()).isEqualTo(">=");
        assertThat(TargetCellParser.parse("53000 0人 次").value()).isEqualByComparingTo("530000");
        assertThat(TargetCellParser.parse("-館").form()).isEqualTo("none");
        assertThat(TargetCellParser.parse("↓").comparator()).isEqualTo("decrease_vs_baseline");
        assertThat(TargetCellParser.parse("").form()).isEqualTo("missing");
        assertThat(TargetCellParser.parse("15 名").form()).isEqualTo("rank");
    }

    @Test
    void agreesWithTheFixtures() {
        int cells = 0;
        List<String> disagreements = new ArrayList<>();
        for (String name : Fixtures.names()) {
            JsonNode doc = Fixtures.json(name.substring(0, name.indexOf('_')));
            for (JsonNode goal : doc.get("goals")) {
                for (JsonNode indicator : goal.get("indicators")) {
                    for (JsonNode target : indicator.get("targets")) {
                        cells++;
                        TargetCellParser.Cell cell = TargetCellParser.parse(target.get("raw").asText());
                        boolean same = cell.form().equals(target.get("form").asText())
                                && Objects.equals(cell.comparator(), text(target.get("comparator")))
                                && sameNumber(cell.number(), target.get("number"))
                                && sameNumber(cell.value(), target.get("value"))
                                && Objects.equals(cell.unit(), text(target.get("unit")));
                        if (!same) {
                            disagreements.add(name.substring(0, 6) + " " + indicator.get("id").asText() + " "
                                    + target.get("year_ad") + " raw=" + target.get("raw") + " fixture=" + target.get("form")
                                    + "/" + target.get("comparator") + "/" + target.get("number") + "/" + target.get("unit")
                                    + " parsed=" + cell.form() + "/" + cell.comparator() + "/" + cell.number() + "/" + cell.unit());
                        }
                    }
                }
            }
        }
        System.out.printf("TargetCellParser: %d of %d fixture cells read exactly as the fixture%n",
                cells - disagreements.size(), cells);
        disagreements.stream().limit(80).forEach(System.out::println);
        assertThat(cells).isEqualTo(2410);
        assertThat(cells - disagreements.size()).isGreaterThan(2300);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static boolean sameNumber(BigDecimal parsed, JsonNode fixture) {
        if (fixture == null || fixture.isNull()) {
            return parsed == null;
        }
        return parsed != null && parsed.compareTo(fixture.decimalValue()) == 0;
    }
}
