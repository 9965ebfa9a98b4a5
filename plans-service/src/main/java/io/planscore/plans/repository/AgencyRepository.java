package io.planscore.plans.repository;

import io.planscore.plans.domain.Agency;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AgencyRepository implements PanacheRepositoryBase<Agency, UUID> {

    /** The agency of that name (under that parent when one is given; the oldest one if several). */
    public Optional<Agency> findByName(String name, UUID parentId) {
        if (parentId == null) {
            return find("name = ?1 ORDER BY createdAt, id", name).firstResultOptional();
        }
        return find("name = ?1 AND parentId = ?2 ORDER BY createdAt, id", name, parentId).firstResultOptional();
    }

    /** One page of every agency, by name. */
    public List<Agency> pageOrdered(int page, int size) {
        return find("ORDER BY name, id").page(Page.of(page, size)).list();
    }
}
