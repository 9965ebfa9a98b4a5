package io.planscore.plans.repository;

import io.planscore.plans.domain.PlanVersion;
import io.planscore.plans.domain.PlanVersionId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PlanVersionRepository implements PanacheRepositoryBase<PlanVersion, PlanVersionId> {

    public Optional<PlanVersion> find(UUID planId, int version) {
        return findByIdOptional(new PlanVersionId(planId, version));
    }

    public List<PlanVersion> listForPlan(UUID planId) {
        return find("planId = ?1 ORDER BY version", planId).list();
    }
}
