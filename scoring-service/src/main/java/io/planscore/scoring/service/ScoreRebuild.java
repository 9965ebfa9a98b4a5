package io.planscore.scoring.service;

import io.planscore.scoring.domain.AdminInput;
import io.planscore.scoring.domain.PeerInput;
import io.planscore.scoring.domain.PlanVersion;
import io.planscore.scoring.domain.RecordedMeasurement;
import io.planscore.scoring.domain.ScorecardVersion;
import io.planscore.scoring.engine.Measurement;
import io.planscore.scoring.events.MeasurementRecorded;
import io.planscore.scoring.events.PlanVersionApproved;
import io.planscore.scoring.repository.AdminInputRepository;
import io.planscore.scoring.repository.MeasurementRepository;
import io.planscore.scoring.repository.PeerInputRepository;
import io.planscore.scoring.repository.PlanVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * Recomputes every score from the stored inputs: the plan versions and measurements are replayed in
 * their original arrival order, exactly as the live consumers applied them, into a fresh table that
 * replaces the live one only when complete. The result must equal the incrementally maintained scores;
 * the report says whether it does.
 */
@ApplicationScoped
public class ScoreRebuild {

    private static final Logger LOG = Logger.getLogger(ScoreRebuild.class);

    private final PlanVersionRepository plans;
    private final MeasurementRepository measurements;
    private final AdminInputRepository adminInputs;
    private final PeerInputRepository peerInputs;
    private final Scorer scorer;
    private final ScoringLocks locks;
    private final EntityManager entityManager;

    public ScoreRebuild(PlanVersionRepository plans, MeasurementRepository measurements,
                        AdminInputRepository adminInputs, PeerInputRepository peerInputs, Scorer scorer,
                        ScoringLocks locks, EntityManager entityManager) {
        this.plans = plans;
        this.measurements = measurements;
        this.adminInputs = adminInputs;
        this.peerInputs = peerInputs;
        this.scorer = scorer;
        this.locks = locks;
        this.entityManager = entityManager;
    }

    public record Report(int inputs, int scorecardVersions, int planYears, boolean identical,
                         List<String> differingPlanYears, long millis) {
    }

    /** One input in arrival order (a plan version, a measurement, an administrator's or a peer input) and its replay. */
    private record Input(long seq, IntSupplier replay) {
    }

    /** What the live consumers knew about one plan at a point of the replay. */
    private static final class PlanState {
        PlanVersion inForce;
        final Map<UUID, RecordedMeasurement> arrived = new LinkedHashMap<>();
        final Map<UUID, UUID> supersededBy = new HashMap<>();
        final List<AdminInput> adminInputs = new ArrayList<>();
        final List<PeerInput> peerInputs = new ArrayList<>();

        List<Measurement> counting() {
            return arrived.values().stream()
                    .filter(m -> !supersededBy.containsKey(m.eventId) && !RecordedMeasurement.RETRACTION.equals(m.kind))
                    .map(RecordedMeasurement::asInput)
                    .toList();
        }
    }

    @Transactional
    public Report rebuild() {
        long started = System.nanoTime();
        locks.lockForRebuild();
        entityManager.createNativeQuery("DROP TABLE IF EXISTS scorecard_rebuild").executeUpdate();
        entityManager.createNativeQuery("CREATE TABLE scorecard_rebuild (LIKE scorecard INCLUDING ALL)").executeUpdate();

        Map<String, PlanState> states = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        List<Input> inputs = new ArrayList<>();
        plans.listAll().forEach(v -> inputs.add(new Input(v.inputSeq, () -> replay(v, states, versions))));
        measurements.listAll().forEach(m -> inputs.add(new Input(m.inputSeq, () -> replay(m, states, versions))));
        adminInputs.listAll().forEach(a -> inputs.add(new Input(a.inputSeq, () -> replay(a, states, versions))));
        peerInputs.listAll().forEach(p -> inputs.add(new Input(p.inputSeq, () -> replay(p, states, versions))));
        inputs.sort(Comparator.comparingLong(Input::seq));
        int written = 0;
        for (Input input : inputs) {
            written += input.replay().getAsInt();
        }
        // The computing instants of versions that existed before are kept, so asOf answers stay the same.
        entityManager.createNativeQuery("""
                UPDATE scorecard_rebuild r SET computed_at = s.computed_at FROM scorecard s
                WHERE r.plan_id = s.plan_id AND r.year = s.year AND r.score_version = s.score_version""").executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> differing = entityManager.createNativeQuery("""
                SELECT DISTINCT plan_id, year FROM (
                  (SELECT plan_id, year, score_version, plan_version, trigger_event_id, body FROM scorecard
                   EXCEPT SELECT plan_id, year, score_version, plan_version, trigger_event_id, body FROM scorecard_rebuild)
                  UNION ALL
                  (SELECT plan_id, year, score_version, plan_version, trigger_event_id, body FROM scorecard_rebuild
                   EXCEPT SELECT plan_id, year, score_version, plan_version, trigger_event_id, body FROM scorecard)
                ) d ORDER BY plan_id, year""").getResultList();
        entityManager.createNativeQuery("DROP TABLE scorecard").executeUpdate();
        entityManager.createNativeQuery("ALTER TABLE scorecard_rebuild RENAME TO scorecard").executeUpdate();

        Report report = new Report(inputs.size(), written, versions.size(), differing.isEmpty(),
                differing.stream().map(row -> row[0] + "/" + row[1]).toList(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        LOG.infof("Rebuilt %d scorecard versions of %d plan-years from %d inputs in %d ms; identical: %s",
                report.scorecardVersions(), report.planYears(), report.inputs(), report.millis(), report.identical());
        return report;
    }

    private int replay(PlanVersion version, Map<String, PlanState> states, Map<String, Long> versions) {
        PlanState state = states.computeIfAbsent(version.planId, id -> new PlanState());
        if (state.inForce != null && state.inForce.version >= version.version) {
            return 0;
        }
        state.inForce = version;
        return write(state, scorer.years(version).all(), version.eventId, PlanVersionApproved.TYPE, versions);
    }

    private int replay(RecordedMeasurement measurement, Map<String, PlanState> states, Map<String, Long> versions) {
        PlanState state = states.computeIfAbsent(measurement.planId, id -> new PlanState());
        state.arrived.put(measurement.eventId, measurement);
        if (measurement.supersedes != null && state.arrived.containsKey(measurement.supersedes)) {
            state.supersededBy.put(measurement.supersedes, measurement.eventId);
        }
        if (state.inForce == null) {
            return 0;
        }
        return write(state, scorer.years(state.inForce).affectedBy(measurement.year), measurement.eventId,
                MeasurementRecorded.TYPE, versions);
    }

    private int replay(AdminInput input, Map<String, PlanState> states, Map<String, Long> versions) {
        PlanState state = states.computeIfAbsent(input.planId, id -> new PlanState());
        state.adminInputs.add(input);
        PlanYears years = scorer.years(state.inForce);
        return write(state, input.kind == AdminInput.Kind.baseline_value ? years.affectedBy(input.year)
                : years.only(input.year), input.id, AdminInput.TRIGGER_TYPE, versions);
    }

    private int replay(PeerInput input, Map<String, PlanState> states, Map<String, Long> versions) {
        PlanState state = states.computeIfAbsent(input.planId, id -> new PlanState());
        state.peerInputs.add(input);
        if (state.inForce == null) {
            return 0;
        }
        return write(state, scorer.years(state.inForce).only(input.year), input.id, PeerInput.TRIGGER_TYPE, versions);
    }

    private int write(PlanState state, List<Integer> years, UUID triggerId, String triggerType,
                      Map<String, Long> versions) {
        PlanVersion version = state.inForce;
        Map<Integer, Scorer.Scored> scorecards = scorer.score(version, state.counting(),
                PeerInput.addTo(AdminInput.context(state.adminInputs), state.peerInputs), years);
        Instant now = Instant.now();
        scorecards.forEach((year, scored) -> {
            long next = versions.merge(version.planId + "/" + year, 1L, Long::sum);
            ScorecardVersion row = ScorecardVersion.of(version, year, next, scored.scorecard(), triggerId, triggerType,
                    now);
            entityManager.createNativeQuery("""
                            INSERT INTO scorecard_rebuild (plan_id, year, score_version, plan_version, agency_id,
                              computed_at, trigger_event_id, trigger_type, body)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                    .setParameter(1, row.planId).setParameter(2, row.year).setParameter(3, row.scoreVersion)
                    .setParameter(4, row.planVersion).setParameter(5, row.agencyId).setParameter(6, row.computedAt)
                    .setParameter(7, row.triggerEventId).setParameter(8, row.triggerType).setParameter(9, row.body)
                    .executeUpdate();
        });
        return scorecards.size();
    }
}
