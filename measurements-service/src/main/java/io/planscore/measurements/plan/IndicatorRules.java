package io.planscore.measurements.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * The validation rules of one indicator, derived from the plan document.
 *
 * @param unit          the indicator's unit (first non-null target unit, else the formula's result unit); null: any unit
 * @param scale         the printed scale of its targets (10000 for 萬), for messages only: values are posted unscaled
 * @param components    the component names an event may give (IndicatorComponents.accepted); empty: none
 * @param baselineYears years before the plan's first year accepted as baseline history (SCORING.md §2.6)
 * @param nonNegative   counts and other naturally non-negative quantities: a negative value is OUT_OF_RANGE
 * @param rangeMin      a plan-declared lower bound, or null
 * @param rangeMax      a plan-declared upper bound, or null
 */
public record IndicatorRules(String indicatorId, String unit, Integer scale, List<String> components, int baselineYears,
                             boolean nonNegative, BigDecimal rangeMin, BigDecimal rangeMax) {
}
