package io.planscore.scoring.repository;

import io.planscore.scoring.domain.RecordedMeasurement;
import io.planscore.scoring.engine.Measurement;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MeasurementRepository implements PanacheRepositoryBase<RecordedMeasurement, UUID> {

    /**
     * Every event of the plan that counts now, all years (earlier years feed baselines), as the engine reads
     * them. A projection, not entities: a plan's whole history is read for every event it receives, and managed
     * entities would make each flush of the transaction dirty-check all of it.
     */
    public List<Measurement> counting(String planId) {
        return getEntityManager().createQuery("""
                        SELECT m.eventId, m.indicatorId, m.component, m.period, m.value, m.recordedAt
                        FROM RecordedMeasurement m
                        WHERE m.planId = ?1 AND m.supersededBy IS NULL AND m.kind <> ?2 ORDER BY m.inputSeq""",
                        Object[].class)
                .setParameter(1, planId).setParameter(2, RecordedMeasurement.RETRACTION)
                .getResultStream()
                .map(row -> new Measurement(row[0].toString(), (String) row[1], (String) row[2], (String) row[3],
                        (BigDecimal) row[4], (Instant) row[5]))
                .toList();
    }

    public List<RecordedMeasurement> byIds(List<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("eventId IN ?1 ORDER BY inputSeq", ids);
    }
}
