package io.planscore.plans.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Targets a revision makes easier to meet: for the same indicator id and year, a lower value where
 * higher is better, or a higher value where lower is better (an explicit comparator {@code <=}/{@code <}
 * or {@code >=}/{@code >} decides, else the indicator's polarity, else higher is better), or a numeric
 * target replaced by none.
 */
public final class TargetChanges {

    public record Lowered(String path, String indicatorId, int year, BigDecimal from, BigDecimal to, String polarity) {

        public String message(int inForce) {
            String was = from.stripTrailingZeros().toPlainString();
            String now = to == null ? "no target" : to.stripTrailingZeros().toPlainString();
            return "the " + year + " target of " + indicatorId + " goes from " + was + " (version " + inForce + ") to "
                    + now + " (" + polarity.replace('_', ' ') + ")";
        }
    }

    private TargetChanges() {
    }

    public static List<Lowered> lowered(PlanDocument inForce, PlanDocument revised) {
        Map<String, PlanDocument.Indicator> before = new HashMap<>();
        for (PlanDocument.Goal goal : inForce.goalsOrEmpty()) {
            for (PlanDocument.Indicator indicator : goal.indicatorsOrEmpty()) {
                before.put(indicator.id(), indicator);
            }
        }
        List<Lowered> out = new ArrayList<>();
        List<PlanDocument.Goal> goals = revised.goalsOrEmpty();
        for (int g = 0; g < goals.size(); g++) {
            List<PlanDocument.Indicator> indicators = goals.get(g).indicatorsOrEmpty();
            for (int i = 0; i < indicators.size(); i++) {
                PlanDocument.Indicator indicator = indicators.get(i);
                PlanDocument.Indicator old = before.get(indicator.id());
                if (old == null) {
                    continue;
                }
                Map<Integer, PlanDocument.Target> oldTargets = new HashMap<>();
                old.targetsOrEmpty().forEach(t -> oldTargets.put(t.yearAd(), t));
                List<PlanDocument.Target> targets = indicator.targetsOrEmpty();
                for (int t = 0; t < targets.size(); t++) {
                    PlanDocument.Target target = targets.get(t);
                    PlanDocument.Target previous = oldTargets.get(target.yearAd());
                    if (previous == null || previous.effectiveValue() == null) {
                        continue;
                    }
                    String path = "goals[" + g + "].indicators[" + i + "].targets[" + t + "]";
                    BigDecimal was = previous.effectiveValue();
                    BigDecimal now = target.effectiveValue();
                    String polarity = polarity(target, indicator);
                    if (now == null) {
                        if ("none".equals(target.form())) {
                            out.add(new Lowered(path + ".form", indicator.id(), target.yearAd(), was, null, polarity));
                        }
                        continue;
                    }
                    int cmp = now.compareTo(was);
                    if (("higher_is_better".equals(polarity) && cmp < 0) || ("lower_is_better".equals(polarity) && cmp > 0)) {
                        out.add(new Lowered(path + ".value", indicator.id(), target.yearAd(), was, now, polarity));
                    }
                }
            }
        }
        return out;
    }

    private static String polarity(PlanDocument.Target target, PlanDocument.Indicator indicator) {
        String comparator = target.comparator();
        if ("<=".equals(comparator) || "<".equals(comparator)) {
            return "lower_is_better";
        }
        if (">=".equals(comparator) || ">".equals(comparator)) {
            return "higher_is_better";
        }
        if (indicator.polarity() != null && indicator.polarity().value() != null) {
            return indicator.polarity().value();
        }
        return "higher_is_better";
    }
}
