package io.planscore.measurements.plan;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads the plan versions in force, many plans at a time. The rules of a plan version are built once
 * and kept: a chunk costs one query for the versions in force, plus one for the indicators of plan
 * versions not seen before. Keyed by version, so a newly approved version (applied by whichever
 * instance consumed it) is picked up at the next chunk.
 */
@ApplicationScoped
public class PlanCatalog {

    private final PlanSource source;
    private final Map<String, PlanRules> rulesByPlan = new ConcurrentHashMap<>();

    public PlanCatalog(PlanSource source) {
        this.source = source;
    }

    public Map<String, PlanRules> load(Collection<String> planIds) {
        if (planIds.isEmpty()) {
            return Map.of();
        }
        Map<String, PlanRules> rules = new HashMap<>();
        List<PlanVersionModel> unseen = new ArrayList<>();
        for (PlanVersionModel plan : inForce(planIds)) {
            PlanRules cached = rulesByPlan.get(plan.planId);
            if (cached != null && cached.version() == plan.version) {
                rules.put(plan.planId, cached);
            } else {
                unseen.add(plan);
            }
        }
        if (!unseen.isEmpty()) {
            Map<String, Map<String, IndicatorRules>> indicators = new HashMap<>();
            List<PlanIndicatorModel> rows = PlanIndicatorModel.list("planId in ?1",
                    unseen.stream().map(p -> p.planId).toList());
            for (PlanIndicatorModel row : rows) {
                indicators.computeIfAbsent(row.planId, k -> new HashMap<>()).put(row.indicatorId, toRules(row));
            }
            for (PlanVersionModel p : unseen) {
                PlanRules built = new PlanRules(p.planId, p.version, p.agencyId, p.adStart, p.adEnd,
                        Map.copyOf(indicators.getOrDefault(p.planId, Map.of())));
                // never replace a newer version another thread has just built
                rulesByPlan.merge(p.planId, built, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
                rules.put(p.planId, built);
            }
        }
        return rules;
    }

    /** The owning agency of each known plan. */
    public Map<String, String> agencies(Collection<String> planIds) {
        if (planIds.isEmpty()) {
            return Map.of();
        }
        return inForce(planIds).stream().collect(Collectors.toMap(p -> p.planId, p -> p.agencyId));
    }

    /** The known plans among {@code planIds}, after asking plans-service about the others (see {@link PlanSource}). */
    private List<PlanVersionModel> inForce(Collection<String> planIds) {
        List<String> ids = List.copyOf(planIds);
        List<PlanVersionModel> plans = PlanVersionModel.list("planId in ?1", ids);
        if (plans.size() < ids.size()) {
            Set<String> known = plans.stream().map(p -> p.planId).collect(Collectors.toSet());
            source.catchUp(ids.stream().filter(id -> !known.contains(id)).toList());
            plans = PlanVersionModel.list("planId in ?1", ids);
        }
        return plans;
    }

    static IndicatorRules toRules(PlanIndicatorModel row) {
        return new IndicatorRules(row.indicatorId, row.unit, row.scale, List.of(row.components), row.baselineYears,
                row.nonNegative, row.rangeMin, row.rangeMax);
    }
}
