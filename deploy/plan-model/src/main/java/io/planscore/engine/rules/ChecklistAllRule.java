package io.planscore.engine.rules;

import io.planscore.engine.calc.Decimals;
import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.Inputs;
import io.planscore.engine.calc.MeasureValue;
import io.planscore.engine.calc.Outcome;
import io.planscore.engine.calc.Relation;

import java.math.BigDecimal;
import java.util.List;

import static io.planscore.engine.calc.Decimals.format;

/**
 * Achievement = the share of requirements met, so full points only when all are met. Each requirement is
 * reported as a component named by its id: either a value checked against its own threshold
 * ({@code 查核數 ≥ 150}) or, without one, a positive value meaning done. PENDING until every requirement is reported.
 */
public record ChecklistAllRule(List<Requirement> requirements) implements ScoringRule {

    public record Requirement(String id, String label, Relation relation, BigDecimal threshold) {
        public Requirement {
            if ((relation == null) != (threshold == null)) {
                throw new IllegalArgumentException("requirement " + id + " needs both a comparator and a threshold, or neither");
            }
        }

        boolean isMetBy(BigDecimal value) {
            return relation == null ? value.signum() > 0 : relation.holds(value, threshold);
        }

        @Override
        public String toString() {
            return relation == null ? id : id + " " + relation.symbol() + " " + format(threshold);
        }
    }

    public ChecklistAllRule {
        requirements = List.copyOf(requirements);
        if (requirements.isEmpty()) {
            throw new IllegalArgumentException("checklist_all needs at least one requirement");
        }
    }

    public String type() {
        return "checklist_all";
    }

    public String definition() {
        return RuleText.definition(type(), "requirements", requirements);
    }

    public Outcome evaluate(Inputs in, Derivation trace) {
        int met = 0;
        boolean pending = false;
        for (Requirement requirement : requirements) {
            MeasureValue reported = in.component(requirement.id());
            if (!reported.isPresent()) {
                pending = true;
            } else if (requirement.isMetBy(reported.value())) {
                met++;
            }
        }
        if (pending) {
            return Outcome.pending();
        }
        BigDecimal share = Decimals.divide(BigDecimal.valueOf(met), BigDecimal.valueOf(requirements.size()));
        trace.add("achievement = " + met + " / " + requirements.size() + " requirements met = " + format(share));
        return Outcome.achieved(share, met == requirements.size());
    }
}
