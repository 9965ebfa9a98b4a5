package io.planscore.measurements.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.engine.PlanModel.Indicator;
import io.planscore.measurements.service.Units;
import io.planscore.model.IndicatorComponents;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Derives the validation rules from a {@code seed-plan-fixture/v1} plan document.
 *
 * <ul>
 *   <li>Years: {@code plan.period.ad_start..ad_end}.</li>
 *   <li>Unit: the first non-null {@code unit} of the indicator's targets, else {@code formula.result_unit}.</li>
 *   <li>Components: {@link IndicatorComponents#accepted}, i.e. the formula operands, compound target parts and
 *       the components the scoring rule reads.</li>
 *   <li>Baseline history (SCORING.md §2.6): the years before the plan that the scoring engine reads for the
 *       indicator, as the plan model says ({@link Indicator#yearsReadBefore()}): {@code n} for a
 *       {@code mean_of_previous_n_years} baseline, one for a previous-year baseline (stated, or the default of a
 *       「降低」/「提高」 target without one) or a {@code reduction_vs_previous_year} rule.</li>
 *   <li>Non-negative: counts and other quantities with a unit that is neither a percentage nor money, whose
 *       standard does not describe a change (相較, 成長, 增減, 短少, 差額, 節約) and whose formula (if any)
 *       has no subtraction. Rates, growth rates and money may be negative; rates above 100% are normal.</li>
 *   <li>Range: an optional {@code value_range: {min, max}} on the indicator (an extension of the fixture format).</li>
 * </ul>
 */
public final class PlanDocumentReader {

    private static final Pattern SIGNED_STANDARD = Pattern.compile("相較|成長|增減|短少|差額|節約|變動");

    private PlanDocumentReader() {
    }

    public record Derived(int adStart, int adEnd, List<IndicatorRules> indicators) {
    }

    /** @throws IllegalArgumentException when the document lacks the period or the goals */
    public static Derived read(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException("document is missing or not an object");
        }
        JsonNode period = document.path("plan").path("period");
        if (!period.path("ad_start").canConvertToInt() || !period.path("ad_end").canConvertToInt()
                || !period.path("ad_start").isNumber() || !period.path("ad_end").isNumber()) {
            throw new IllegalArgumentException("document.plan.period.ad_start/ad_end are missing");
        }
        int adStart = period.path("ad_start").asInt();
        int adEnd = period.path("ad_end").asInt();
        if (adEnd < adStart) {
            throw new IllegalArgumentException("document.plan.period ends before it starts");
        }
        JsonNode goals = document.path("goals");
        if (!goals.isArray()) {
            throw new IllegalArgumentException("document.goals is missing");
        }
        // The indicators as the engine scores them; plan id and version do not change what it reads.
        Map<String, Indicator> scored = new HashMap<>();
        io.planscore.model.PlanDocumentReader.read(null, 0, document).indicators()
                .forEach(indicator -> scored.put(indicator.id(), indicator));
        Map<String, IndicatorRules> indicators = new LinkedHashMap<>();
        for (JsonNode goal : goals) {
            for (JsonNode indicator : goal.path("indicators")) {
                String id = text(indicator.path("id"));
                if (id == null) {
                    throw new IllegalArgumentException("an indicator of goal " + text(goal.path("id")) + " has no id");
                }
                indicators.put(id, rules(id, indicator, scored.get(id)));
            }
        }
        return new Derived(adStart, adEnd, List.copyOf(indicators.values()));
    }

    private static IndicatorRules rules(String id, JsonNode indicator, Indicator scored) {
        String unit = null;
        Integer scale = null;
        for (JsonNode target : indicator.path("targets")) {
            String targetUnit = text(target.path("unit"));
            if (unit == null && targetUnit != null) {
                unit = Units.normalize(targetUnit);
                scale = target.path("scale").isIntegralNumber() ? target.path("scale").asInt() : null;
            }
        }
        JsonNode formula = indicator.path("formula");
        if (unit == null && formula.isObject()) {
            unit = Units.normalize(text(formula.path("result_unit")));
        }
        String standard = text(indicator.path("measurement_standard"));
        String name = text(indicator.path("name"));
        String words = (standard == null ? "" : standard) + " " + (name == null ? "" : name);

        boolean nonNegative = unit != null
                && !Units.isPercent(unit)
                && !Units.isMoney(unit)
                && !SIGNED_STANDARD.matcher(words).find()
                && !(formula.isObject() && text(formula.path("expression")) != null
                        && text(formula.path("expression")).contains("-"));

        BigDecimal min = null;
        BigDecimal max = null;
        JsonNode range = indicator.path("value_range");
        if (range.isObject()) {
            min = range.path("min").isNumber() ? range.path("min").decimalValue() : null;
            max = range.path("max").isNumber() ? range.path("max").decimalValue() : null;
        }
        return new IndicatorRules(id, unit, scale, List.copyOf(IndicatorComponents.accepted(indicator)),
                scored.yearsReadBefore(), nonNegative, min, max);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        String value = node.asText().trim();
        return value.isEmpty() ? null : value;
    }
}
