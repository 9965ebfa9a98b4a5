package io.planscore.plans.repository;

import io.planscore.plans.domain.PlanVersion;
import io.planscore.plans.domain.PlanVersionId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PlanVersionRepository implements PanacheRepositoryBase<PlanVersion, PlanVersionId> {

    public Optional<PlanVersion> find(UUID planId, int version) {
        return findByIdOptional(new PlanVersionId(planId, version));
    }

    /** One page of a plan's versions, oldest first. */
    public List<PlanVersion> pageForPlan(UUID planId, int page, int size) {
        return find("planId = ?1 ORDER BY version", planId).page(Page.of(page, size)).list();
    }

    public long countForPlan(UUID planId) {
        return count("planId", planId);
    }
}
