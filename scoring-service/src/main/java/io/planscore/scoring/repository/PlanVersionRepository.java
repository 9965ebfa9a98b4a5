package io.planscore.scoring.repository;

import io.planscore.scoring.domain.PlanVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class PlanVersionRepository implements PanacheRepositoryBase<PlanVersion, PlanVersion.Key> {

    public Optional<PlanVersion> inForce(String planId) {
        return find("planId = ?1 ORDER BY version DESC", planId).firstResultOptional();
    }
}
