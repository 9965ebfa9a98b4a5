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
    /** Arbitrary, fixed: the first key of the per-plan advisory lock (the second is the plan id's hash). */
    private static final int PLAN_LOCK = 0x706c616e;

    /** @return true when the read model changed */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(UUID eventId, PlanVersionApproved approved) {
        PlanDocumentReader.Derived derived = PlanDocumentReader.read(approved.document());
        // The Kafka consumer and an on-demand fetch (PlanSource) may apply one version at the same moment: the
        // second waits here, then finds it in force, instead of failing on the first one's insert.
        PlanVersionModel.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1, hashtext(?2))) locked")
                .setParameter(1, PLAN_LOCK).setParameter(2, approved.planId()).getSingleResult();
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
