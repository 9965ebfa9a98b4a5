package io.planscore.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.engine.Flag;
import io.planscore.engine.calc.Direction;
import io.planscore.engine.calc.Polarity;
import io.planscore.engine.calc.Relation;
import io.planscore.engine.target.TargetSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.planscore.model.Json.decimal;
import static io.planscore.model.Json.text;

/** Maps one fixture target cell to a target form; what it cannot check becomes an unscorable target with a flag. */
final class TargetReader {

    private TargetReader() {
    }

    static TargetSpec read(JsonNode target, Polarity polarity) {
        String raw = text(target, "raw");
        String form = text(target, "form");
        String comparator = text(target, "comparator");
        if ("increase_vs_baseline".equals(comparator) || "decrease_vs_baseline".equals(comparator)) {
            return new TargetSpec.VersusBaseline(comparator.startsWith("increase") ? Direction.INCREASE
                    : Direction.DECREASE, raw);
        }
        Relation relation = Relation.parse(comparator);
        if (comparator != null && relation == null) {
            return new TargetSpec.Unscorable(Flag.UNSUPPORTED_TARGET, raw);
        }
        BigDecimal value = decimal(target, "value");
        String unit = text(target, "unit");
        return switch (form == null ? "" : form) {
            case "none" -> new TargetSpec.Unscorable(Flag.NO_TARGET, raw);
            case "missing" -> new TargetSpec.Unscorable(Flag.TARGET_MISSING, raw);
            case "text" -> new TargetSpec.Text(raw);
            case "external_reference" -> new TargetSpec.External(relation, unit, raw);
            case "milestone" -> new TargetSpec.Milestone(value, text(target.path("deadline"), "ad"), raw);
            case "direction" -> new TargetSpec.VersusBaseline(polarity.lowerIsBetter() ? Direction.DECREASE
                    : Direction.INCREASE, raw);
            case "compound" -> compound(target, raw);
            default -> value == null
                    ? new TargetSpec.Unscorable(Flag.UNSUPPORTED_TARGET, raw)
                    : new TargetSpec.Numeric(relation, value, unit, raw);
        };
    }

    private static TargetSpec compound(JsonNode target, String raw) {
        List<TargetSpec.Compound.Part> parts = new ArrayList<>();
        for (JsonNode part : target.path("parts")) {
            BigDecimal value = decimal(part, "value");
            String comparator = text(part, "comparator");
            Relation relation = Relation.parse(comparator);
            if (value == null || (comparator != null && relation == null)) {
                return new TargetSpec.Unscorable(Flag.UNSUPPORTED_TARGET, raw);
            }
            parts.add(new TargetSpec.Compound.Part(IndicatorComponents.compoundPart(parts.size()), text(part, "label"),
                    relation, value, text(part, "unit")));
        }
        return parts.isEmpty() ? new TargetSpec.Unscorable(Flag.UNSUPPORTED_TARGET, raw)
                : new TargetSpec.Compound(parts, raw);
    }
}
