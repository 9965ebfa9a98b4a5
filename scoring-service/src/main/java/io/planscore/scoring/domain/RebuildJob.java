package io.planscore.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One rebuild of the scores: it verifies every plan-year as of a snapshot of the inputs, then appends a corrected
 * version where one differed. At most one job is queued or running at a time (a unique index).
 */
@Entity
@Table(name = "rebuild_job")
public class RebuildJob extends PanacheEntityBase {

    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED, INTERRUPTED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** S: the highest input seq when the job started; scores are verified as of it. */
    @Column(name = "snapshot_seq")
    public Long snapshotSeq;

    @Column(name = "plans_total", nullable = false)
    public int plansTotal;

    @Column(name = "plans_done", nullable = false)
    public int plansDone;

    @Column(name = "inputs_replayed", nullable = false)
    public long inputsReplayed;

    @Column(name = "plan_years", nullable = false)
    public int planYears;

    /** "planId/year" of every plan-year whose live scorecard as of S differed from the recomputed one. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "differing_plan_years", nullable = false, columnDefinition = "jsonb")
    public List<String> differingPlanYears = new ArrayList<>();

    /** New live versions the job appended for those plan-years (none where live scoring had caught up). */
    @Column(name = "versions_appended", nullable = false)
    public int versionsAppended;

    public String error;

    public static RebuildJob queued() {
        RebuildJob job = new RebuildJob();
        job.id = UUID.randomUUID();
        job.state = State.QUEUED;
        job.requestedAt = Instant.now();
        return job;
    }
}
