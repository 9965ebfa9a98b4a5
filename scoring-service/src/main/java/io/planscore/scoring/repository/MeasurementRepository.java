package io.planscore.scoring.repository;

import io.planscore.scoring.domain.RecordedMeasurement;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MeasurementRepository implements PanacheRepositoryBase<RecordedMeasurement, UUID> {

    /** Every event of the plan that counts now, all years (earlier years feed baselines). */
    public List<RecordedMeasurement> counting(String planId) {
        return list("planId = ?1 AND supersededBy IS NULL AND kind <> ?2 ORDER BY inputSeq", planId,
                RecordedMeasurement.RETRACTION);
    }

    public List<RecordedMeasurement> byIds(List<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("eventId IN ?1 ORDER BY inputSeq", ids);
    }
}
