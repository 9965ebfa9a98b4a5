package io.planscore.scoring.repository;

import io.planscore.scoring.domain.AdminInput;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AdminInputRepository implements PanacheRepositoryBase<AdminInput, UUID> {

    public List<AdminInput> ofPlan(String planId) {
        return list("planId = ?1 ORDER BY inputSeq", planId);
    }
}
