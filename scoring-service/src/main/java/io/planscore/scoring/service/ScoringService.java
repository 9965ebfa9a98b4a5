package io.planscore.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.platform.events.EnvelopeCodec;
import io.planscore.platform.outbox.Outbox;
import io.planscore.scoring.domain.AdminInput;
import io.planscore.scoring.domain.PlanVersion;
import io.planscore.scoring.domain.RecordedMeasurement;
import io.planscore.scoring.domain.ScorecardVersion;
import io.planscore.scoring.events.MeasurementRecorded;
import io.planscore.scoring.events.PlanVersionApproved;
import io.planscore.scoring.events.ScoreUpdated;
import io.planscore.scoring.repository.AdminInputRepository;
import io.planscore.scoring.repository.MeasurementRepository;
import io.planscore.scoring.repository.PlanVersionRepository;
import io.planscore.scoring.repository.ScorecardRepository;
import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies scoring inputs and recomputes the plan-years they affect. Each recomputation stores a new
 * scorecard version and publishes it through the outbox, in the caller's transaction.
 */
@ApplicationScoped
public class ScoringService {

    private static final String PRODUCER = "scoring-service";

    private final PlanVersionRepository plans;
    private final MeasurementRepository measurements;
    private final ScorecardRepository scorecards;
    private final AdminInputRepository adminInputs;
    private final Scorer scorer;
    private final ScoringLocks locks;
    private final Outbox outbox;
    private final EnvelopeCodec codec;

    public ScoringService(PlanVersionRepository plans, MeasurementRepository measurements,
                          ScorecardRepository scorecards, AdminInputRepository adminInputs, Scorer scorer,
                          ScoringLocks locks, Outbox outbox, EnvelopeCodec codec) {
        this.plans = plans;
        this.measurements = measurements;
        this.scorecards = scorecards;
        this.adminInputs = adminInputs;
        this.scorer = scorer;
        this.locks = locks;
        this.outbox = outbox;
        this.codec = codec;
    }

    /** A newly approved plan version: every year of the plan is rescored against it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(PlanVersionApproved approved, UUID eventId) {
        locks.lockPlan(approved.planId());
        Optional<PlanVersion> inForce = plans.inForce(approved.planId());
        if (inForce.isPresent() && inForce.get().version >= approved.version()) {
            return; // an older version arriving late changes nothing
        }
        PlanVersion version = new PlanVersion();
        version.planId = approved.planId();
        version.version = approved.version();
        version.agencyId = approved.agencyId();
        version.document = approved.document().toString();
        version.approvedAt = approved.approvedAt() == null ? Instant.now() : approved.approvedAt();
        version.receivedAt = Instant.now();
        version.eventId = eventId;
        plans.persist(version);
        JsonNode document = version.documentJson();
        recompute(version, document, PlanYears.of(document).all(), eventId, PlanVersionApproved.TYPE);
    }

    /** A recorded measurement, correction or retraction: its year, and the years whose baselines read it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(MeasurementRecorded recorded, UUID eventId) {
        locks.lockPlan(recorded.planId());
        if (measurements.findByIdOptional(recorded.eventId()).isPresent()) {
            return;
        }
        RecordedMeasurement measurement = new RecordedMeasurement();
        measurement.eventId = recorded.eventId();
        measurement.planId = recorded.planId();
        measurement.indicatorId = recorded.indicatorId();
        measurement.component = recorded.component();
        measurement.period = recorded.period();
        measurement.year = recorded.year();
        measurement.value = recorded.value();
        measurement.kind = recorded.kind();
        measurement.supersedes = recorded.supersedes();
        measurement.recordedAt = recorded.recordedAt() == null ? Instant.now() : recorded.recordedAt();
        measurements.persist(measurement);
        if (recorded.supersedes() != null) {
            measurements.findByIdOptional(recorded.supersedes())
                    .ifPresent(superseded -> superseded.supersededBy = recorded.eventId());
        }
        plans.inForce(recorded.planId()).ifPresent(version -> {
            JsonNode document = version.documentJson();
            recompute(version, document, PlanYears.of(document).affectedBy(recorded.year()), eventId,
                    MeasurementRecorded.TYPE);
        });
    }

    /** An administrator's verdict, award, external target or baseline value for an indicator-year. */
    @Transactional
    public AdminInput apply(AdminInput input) {
        locks.lockPlan(input.planId);
        PlanVersion version = plans.inForce(input.planId)
                .orElseThrow(() -> ProblemException.notFound("Plan", input.planId));
        JsonNode document = version.documentJson();
        if (document.path("goals").findValues("id").stream().noneMatch(id -> id.asText().equals(input.indicatorId))) {
            throw ProblemException.invalid(new FieldError("indicatorId", "UNKNOWN_INDICATOR",
                    "Plan " + input.planId + " has no indicator '" + input.indicatorId + "'."));
        }
        adminInputs.persist(input);
        PlanYears years = PlanYears.of(document);
        recompute(version, document, input.kind == AdminInput.Kind.baseline_value
                ? years.affectedBy(input.year) : years.only(input.year), input.id, AdminInput.TRIGGER_TYPE);
        return input;
    }

    private void recompute(PlanVersion version, JsonNode document, List<Integer> years, UUID triggerId,
                           String triggerType) {
        scorer.score(version.planId, version.version, document, measurements.counting(version.planId),
                        AdminInput.context(adminInputs.ofPlan(version.planId)), years)
                .forEach((year, scorecard) -> publish(version, year, scorecard, triggerId, triggerType));
    }

    private void publish(PlanVersion version, int year, JsonNode scorecard, UUID triggerId, String triggerType) {
        ScorecardVersion stored = ScorecardVersion.of(version, year, scorecards.nextVersion(version.planId, year),
                scorecard, triggerId, triggerType, Instant.now());
        scorecards.persist(stored);
        ScoreUpdated updated = new ScoreUpdated(stored.planId, stored.agencyId, year, stored.planVersion,
                stored.scoreVersion, stored.computedAt, new ScoreUpdated.Trigger(triggerId, triggerType), scorecard);
        outbox.publish(ScoreUpdated.TOPIC, codec.wrap(ScoreUpdated.TYPE, ScoreUpdated.SCHEMA_VERSION, stored.planId,
                stored.scoreVersion, PRODUCER, updated));
    }
}
