package io.planscore.scoring.repository;

import io.planscore.scoring.domain.RebuildJob;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RebuildJobRepository implements PanacheRepositoryBase<RebuildJob, UUID> {

    /** Stores a queued job unless one is already queued or running (the index rebuild_job_one_active); true if stored. */
    public boolean enqueue(RebuildJob job) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO rebuild_job (id, state, requested_at) VALUES (?1, 'QUEUED', ?2)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, job.id).setParameter(2, job.requestedAt)
                .executeUpdate() == 1;
    }

    /** Adds what the job did since its last report: plans verified, inputs replayed, plan-years compared, differing. */
    public void addProgress(UUID jobId, int plans, long inputs, int planYears, String differingJsonArray) {
        getEntityManager().createNativeQuery("""
                        UPDATE rebuild_job SET plans_done = plans_done + ?2, inputs_replayed = inputs_replayed + ?3,
                          plan_years = plan_years + ?4, differing_plan_years = differing_plan_years || CAST(?5 AS jsonb)
                        WHERE id = ?1""")
                .setParameter(1, jobId).setParameter(2, plans).setParameter(3, inputs).setParameter(4, planYears)
                .setParameter(5, differingJsonArray).executeUpdate();
    }

    /** Marks every queued or running job INTERRUPTED: their worker is gone. How many were. */
    public int interruptActive(String reason) {
        return update("state = ?1, finishedAt = ?2, error = ?3 WHERE state IN ?4", RebuildJob.State.INTERRUPTED,
                Instant.now(), reason, List.of(RebuildJob.State.QUEUED, RebuildJob.State.RUNNING));
    }
}
