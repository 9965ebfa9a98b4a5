package io.planscore.measurements.repository;

import io.planscore.measurements.domain.RejectedMeasurement;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RejectedMeasurementRepository implements PanacheRepositoryBase<RejectedMeasurement, UUID> {

    public List<RejectedMeasurement> page(String planId, int page, int size) {
        return query(planId).page(Page.of(page, size)).list();
    }

    public long count(String planId) {
        return planId == null ? count() : count("planId", planId);
    }

    private PanacheQuery<RejectedMeasurement> query(String planId) {
        Sort sort = Sort.descending("receivedAt").and("rejectionId");
        return planId == null ? findAll(sort) : find("planId", sort, planId);
    }
}
