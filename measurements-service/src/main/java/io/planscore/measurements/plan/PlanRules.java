package io.planscore.measurements.plan;

import java.util.Map;

/** The plan version in force, as validation sees it. */
public record PlanRules(String planId, int version, String agencyId, int adStart, int adEnd,
                        Map<String, IndicatorRules> indicators) {
}
