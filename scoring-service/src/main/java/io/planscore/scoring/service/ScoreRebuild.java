package io.planscore.scoring.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.planscore.platform.problem.ProblemException;
import io.planscore.scoring.domain.RebuildJob;
import io.planscore.scoring.repository.InputsAsOfRepository;
import io.planscore.scoring.repository.RebuildJobRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rebuilds the scores as a job on a worker thread. It takes a snapshot point S (the last input seq handed out),
 * then, plan by plan, recomputes each plan-year from the plan's stored inputs up to S and compares it with the live
 * scorecard that was current as of S ({@link PlanRebuild#verify}). Only when every plan is verified does it touch
 * live scores: where a plan-year differed, it appends a version recomputed from the current inputs (trigger
 * {@value PlanRebuild#TRIGGER_TYPE}); score history is never rewritten. Every step is a short transaction of its
 * own, so no size of history hits a transaction timeout, and live scoring of other plans goes on throughout.
 *
 * <p>The worker holds a session advisory lock while it runs; a process that starts while no worker holds it marks
 * jobs left queued or running INTERRUPTED (their worker died with its process; live scores are untouched unless the
 * job had reached its corrections, each of which is a complete version).
 */
@ApplicationScoped
public class ScoreRebuild {

    private static final Logger LOG = Logger.getLogger(ScoreRebuild.class);

    /** The session advisory lock of the running job's worker ("rebuild" + 1 in ASCII, next to the rebuild lock). */
    private static final long WORKER_LOCK = 0x7265627569L + 1;

    /** Progress is written at most this often, so that many small plans do not each cost a write. */
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

    private final RebuildJobRepository jobs;
    private final InputsAsOfRepository inputs;
    private final PlanRebuild plans;
    private final ManagedExecutor executor;
    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public ScoreRebuild(RebuildJobRepository jobs, InputsAsOfRepository inputs, PlanRebuild plans,
                        ManagedExecutor executor, AgroalDataSource dataSource, ObjectMapper mapper) {
        this.jobs = jobs;
        this.inputs = inputs;
        this.plans = plans;
        this.executor = executor;
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** A job as the API shows it; {@code identical} is known once it SUCCEEDED. */
    public record JobView(UUID jobId, RebuildJob.State state, double progress, Long snapshotSeq, int plansTotal,
                          int plansDone, long inputsReplayed, int planYears, Boolean identical,
                          List<String> differingPlanYears, int versionsAppended, Instant requestedAt,
                          Instant startedAt, Instant finishedAt, String error) {
        static JobView of(RebuildJob job) {
            double progress = job.plansTotal == 0 ? (job.state == RebuildJob.State.SUCCEEDED ? 1 : 0)
                    : (double) job.plansDone / job.plansTotal;
            Boolean identical = job.state == RebuildJob.State.SUCCEEDED ? job.differingPlanYears.isEmpty() : null;
            return new JobView(job.id, job.state, progress, job.snapshotSeq, job.plansTotal, job.plansDone,
                    job.inputsReplayed, job.planYears, identical, List.copyOf(job.differingPlanYears),
                    job.versionsAppended, job.requestedAt, job.startedAt, job.finishedAt, job.error);
        }
    }

    /** Queues a rebuild and hands it to a worker; refused while another is queued or running. */
    public JobView start() {
        RebuildJob job = RebuildJob.queued();
        if (!QuarkusTransaction.requiringNew().call(() -> jobs.enqueue(job))) {
            throw ProblemException.conflict("A rebuild is already queued or running; poll it until it finishes.");
        }
        executor.execute(() -> run(job.id));
        return JobView.of(job);
    }

    public JobView job(UUID jobId) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.findByIdOptional(jobId).map(JobView::of)
                .orElseThrow(() -> ProblemException.notFound("Rebuild job", jobId.toString())));
    }

    void onStart(@Observes StartupEvent started) {
        int interrupted = recoverInterrupted();
        if (interrupted > 0) {
            LOG.warnf("Marked %d rebuild job(s) left by a stopped process INTERRUPTED", interrupted);
        }
    }

    /** Jobs queued or running while no worker holds the lock are INTERRUPTED; how many. */
    public int recoverInterrupted() {
        try (Connection connection = dataSource.getConnection()) {
            if (!Boolean.TRUE.equals(query(connection, "SELECT pg_try_advisory_lock(" + WORKER_LOCK + ")"))) {
                return 0; // a worker of another process is running its job
            }
            try {
                return QuarkusTransaction.requiringNew().call(() -> jobs.interruptActive(
                        "The process running this rebuild stopped; live scores were not rewritten. Start a new one."));
            } finally {
                query(connection, "SELECT pg_advisory_unlock(" + WORKER_LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check for interrupted rebuilds", e);
        }
    }

    private void run(UUID jobId) {
        try (Connection connection = dataSource.getConnection()) {
            query(connection, "SELECT pg_advisory_lock(" + WORKER_LOCK + ")");
            try {
                execute(jobId);
            } finally {
                query(connection, "SELECT pg_advisory_unlock(" + WORKER_LOCK + ")");
            }
        } catch (Exception e) {
            LOG.errorf(e, "Rebuild %s failed", jobId);
            finish(jobId, RebuildJob.State.FAILED, 0, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void execute(UUID jobId) {
        List<String> planIds = new ArrayList<>();
        Long snapshot = QuarkusTransaction.requiringNew().call(() -> {
            RebuildJob job = jobs.findById(jobId);
            if (job == null || job.state != RebuildJob.State.QUEUED) {
                return null; // interrupted before it started
            }
            job.snapshotSeq = inputs.lastInputSeq();
            planIds.addAll(inputs.planIds(job.snapshotSeq));
            job.state = RebuildJob.State.RUNNING;
            job.startedAt = Instant.now();
            job.plansTotal = planIds.size();
            return job.snapshotSeq;
        });
        if (snapshot == null) {
            return;
        }
        long started = System.nanoTime();
        Map<String, List<Integer>> differing = verify(jobId, snapshot, planIds);
        int appended = 0;
        for (var plan : differing.entrySet()) {
            appended += plans.correct(plan.getKey(), plan.getValue(), jobId);
        }
        finish(jobId, RebuildJob.State.SUCCEEDED, appended, null);
        LOG.infof("Rebuild %s verified %d plans as of input %d in %d ms: %d plan-years differed, %d versions appended",
                jobId, planIds.size(), snapshot, Duration.ofNanos(System.nanoTime() - started).toMillis(),
                differing.values().stream().mapToInt(List::size).sum(), appended);
    }

    /** Verifies every plan as of the snapshot; the differing years by plan. */
    private Map<String, List<Integer>> verify(UUID jobId, long snapshot, List<String> planIds) {
        Map<String, List<Integer>> differing = new LinkedHashMap<>();
        Progress progress = new Progress();
        for (String planId : planIds) {
            PlanRebuild.Check check = plans.verify(planId, snapshot);
            progress.add(planId, check);
            if (!check.differingYears().isEmpty()) {
                differing.put(planId, check.differingYears());
            }
            if (progress.due()) {
                report(jobId, progress);
            }
        }
        report(jobId, progress);
        return differing;
    }

    private void report(UUID jobId, Progress progress) {
        String differing;
        try {
            differing = mapper.writeValueAsString(progress.differing);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> jobs.addProgress(jobId, progress.plans, progress.inputs,
                progress.planYears, differing));
        progress.reset();
    }

    private void finish(UUID jobId, RebuildJob.State state, int appended, String error) {
        QuarkusTransaction.requiringNew().run(() -> jobs.findByIdOptional(jobId).ifPresent(job -> {
            job.state = state;
            job.versionsAppended = appended;
            job.error = error;
            job.finishedAt = Instant.now();
        }));
    }

    /** The single value of a query on the connection, e.g. one that takes or releases the worker's session lock. */
    private static Object query(Connection connection, String sql) {
        try (Statement statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getObject(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Advisory lock query failed: " + sql, e);
        }
    }

    /** What was verified since progress was last written. */
    private static final class Progress {
        int plans;
        long inputs;
        int planYears;
        final List<String> differing = new ArrayList<>();
        long lastReport = System.nanoTime();

        void add(String planId, PlanRebuild.Check check) {
            plans++;
            inputs += check.inputs();
            planYears += check.planYears();
            check.differingYears().forEach(year -> differing.add(planId + "/" + year));
        }

        boolean due() {
            return System.nanoTime() - lastReport >= PROGRESS_INTERVAL.toNanos();
        }

        void reset() {
            plans = 0;
            inputs = 0;
            planYears = 0;
            differing.clear();
            lastReport = System.nanoTime();
        }
    }
}
