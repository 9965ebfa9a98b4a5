package io.planscore.plans.repository;

import io.planscore.plans.domain.IndicatorIndexEntry;
import io.planscore.plans.domain.IndicatorIndexId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IndicatorIndexRepository implements PanacheRepositoryBase<IndicatorIndexEntry, IndicatorIndexId> {

    public List<IndicatorIndexEntry> listForVersion(UUID planId, int version) {
        return find("planId = ?1 AND version = ?2", planId, version).list();
    }
}
