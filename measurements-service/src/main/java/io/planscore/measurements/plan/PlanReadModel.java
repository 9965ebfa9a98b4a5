package io.planscore.measurements.plan;

import io.planscore.measurements.events.PlanVersionApproved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/** Keeps, per plan, the newest approved version: an older or equal version arriving late changes nothing. */
@ApplicationScoped
public class PlanReadModel {

    private static final Logger LOG = Logger.getLogger(PlanReadModel.class);

    /** @return true when the read model changed */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(UUID eventId, PlanVersionApproved approved) {
        PlanDocumentReader.Derived derived = PlanDocumentReader.read(approved.document());
        PlanVersionModel current = PlanVersionModel.findById(approved.planId());
        if (current != null && current.version >= approved.version()) {
            LOG.infof("Ignoring plan %s version %d: version %d is in force", approved.planId(), approved.version(),
                    current.version);
            return false;
        }
        if (current == null) {
            current = new PlanVersionModel();
            current.planId = approved.planId();
        } else {
            PlanIndicatorModel.delete("planId", approved.planId());
            PlanIndicatorModel.flush();
        }
        current.version = approved.version();
        current.agencyId = approved.agencyId();
        current.adStart = derived.adStart();
        current.adEnd = derived.adEnd();
        current.sourceEventId = eventId;
        current.approvedAt = approved.approvedAt();
        current.updatedAt = Instant.now();
        current.persist();
        for (IndicatorRules rules : derived.indicators()) {
            PlanIndicatorModel row = new PlanIndicatorModel();
            row.planId = approved.planId();
            row.indicatorId = rules.indicatorId();
            row.unit = rules.unit();
            row.scale = rules.scale();
            row.components = rules.components().toArray(String[]::new);
            row.baselineYears = rules.baselineYears();
            row.nonNegative = rules.nonNegative();
            row.rangeMin = rules.rangeMin();
            row.rangeMax = rules.rangeMax();
            row.persist();
        }
        LOG.infof("Plan %s version %d of agency %s is in force (%d indicators, %d-%d)", approved.planId(),
                approved.version(), approved.agencyId(), derived.indicators().size(), derived.adStart(), derived.adEnd());
        return true;
    }
}
