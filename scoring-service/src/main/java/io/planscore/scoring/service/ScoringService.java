package io.planscore.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.platform.events.EnvelopeCodec;
import io.planscore.platform.outbox.Outbox;
import io.planscore.scoring.domain.AdminInput;
import io.planscore.scoring.domain.PeerInput;
import io.planscore.scoring.domain.PlanVersion;
import io.planscore.scoring.domain.RecordedMeasurement;
import io.planscore.scoring.domain.ScorecardVersion;
import io.planscore.scoring.engine.PeerStanding;
import io.planscore.scoring.engine.ScoringContext;
import io.planscore.scoring.events.MeasurementRecorded;
import io.planscore.scoring.events.PeerResultReported;
import io.planscore.scoring.events.PlanVersionApproved;
import io.planscore.scoring.events.ScoreUpdated;
import io.planscore.scoring.repository.AdminInputRepository;
import io.planscore.scoring.repository.MeasurementRepository;
import io.planscore.scoring.repository.PeerGroupRepository;
import io.planscore.scoring.repository.PeerInputRepository;
import io.planscore.scoring.repository.PlanVersionRepository;
import io.planscore.scoring.repository.ScorecardRepository;
import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
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
    private final PeerInputRepository peerInputs;
    private final PeerGroupRepository peerGroups;
    private final Scorer scorer;
    private final ScoringLocks locks;
    private final Outbox outbox;
    private final EnvelopeCodec codec;

    public ScoringService(PlanVersionRepository plans, MeasurementRepository measurements,
                          ScorecardRepository scorecards, AdminInputRepository adminInputs,
                          PeerInputRepository peerInputs, PeerGroupRepository peerGroups, Scorer scorer,
                          ScoringLocks locks, Outbox outbox, EnvelopeCodec codec) {
        this.plans = plans;
        this.measurements = measurements;
        this.scorecards = scorecards;
        this.adminInputs = adminInputs;
        this.peerInputs = peerInputs;
        this.peerGroups = peerGroups;
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
        List<PeerStanding> standings = recompute(version, scorer.years(version).all(), eventId,
                PlanVersionApproved.TYPE);
        leaveGroupsNoLongerJoined(version.planId, standings);
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
        plans.inForce(recorded.planId()).ifPresent(version -> recompute(version,
                scorer.years(version).affectedBy(recorded.year()), eventId, MeasurementRecorded.TYPE));
    }

    /** An administrator's verdict, award, external target or baseline value for an indicator-year. */
    @Transactional
    public AdminInput apply(AdminInput input) {
        locks.lockPlan(input.planId);
        PlanVersion version = plans.inForce(input.planId)
                .orElseThrow(() -> ProblemException.notFound("Plan", input.planId));
        if (version.documentJson().path("goals").findValues("id").stream()
                .noneMatch(id -> id.asText().equals(input.indicatorId))) {
            throw ProblemException.invalid(new FieldError("indicatorId", "UNKNOWN_INDICATOR",
                    "Plan " + input.planId + " has no indicator '" + input.indicatorId + "'."));
        }
        adminInputs.persist(input);
        PlanYears years = scorer.years(version);
        recompute(version, input.kind == AdminInput.Kind.baseline_value
                ? years.affectedBy(input.year) : years.only(input.year), input.id, AdminInput.TRIGGER_TYPE);
        return input;
    }

    /**
     * A plan's value on a ranked indicator changed, or it joined the group: every other plan of the group is
     * re-ranked with the new value, and a newcomer learns the values of those already there. Each recomputation
     * reads only what its own plan received (a {@link PeerInput}), so a rebuild replays it exactly.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(PeerResultReported reported) {
        locks.lockPeerGroup(reported.peerGroup());
        List<PeerInput.Result> members = peerGroups.members(reported.peerGroup(), reported.indicatorId(),
                reported.year());
        List<PeerInput.Result> others = members.stream()
                .filter(member -> !member.planId().equals(reported.planId())).toList();
        boolean newcomer = others.size() == members.size() && !reported.withdrawn();
        TreeSet<String> affected = new TreeSet<>();
        others.forEach(member -> affected.add(member.planId()));
        affected.add(reported.planId());
        locks.lockPlans(affected);
        PeerInput.Result result = new PeerInput.Result(reported.planId(), reported.value(), reported.withdrawn());
        if (reported.withdrawn()) {
            peerGroups.removeMember(reported.peerGroup(), reported.indicatorId(), reported.year(), reported.planId());
        } else {
            peerGroups.putMember(reported.peerGroup(), reported.indicatorId(), reported.year(), result);
        }
        for (PeerInput.Result other : others) {
            rerank(PeerInput.of(other.planId(), reported.indicatorId(), reported.year(), List.of(result)));
        }
        if (others.isEmpty()) {
            return;
        }
        if (newcomer) {
            rerank(PeerInput.of(reported.planId(), reported.indicatorId(), reported.year(), others));
        } else if (reported.withdrawn()) {
            // The leaver no longer ranks against this group.
            rerank(PeerInput.of(reported.planId(), reported.indicatorId(), reported.year(), others.stream()
                    .map(other -> new PeerInput.Result(other.planId(), null, true)).toList()));
        }
    }

    private void rerank(PeerInput input) {
        peerInputs.persist(input);
        plans.inForce(input.planId).ifPresent(version ->
                recompute(version, scorer.years(version).only(input.year), input.id, PeerInput.TRIGGER_TYPE));
    }

    /** Rescores the years and announces the plan's ranked values; returns its standings in those years. */
    private List<PeerStanding> recompute(PlanVersion version, List<Integer> years, UUID triggerId,
                                         String triggerType) {
        ScoringContext context = PeerInput.addTo(AdminInput.context(adminInputs.ofPlan(version.planId)),
                peerInputs.ofPlan(version.planId));
        List<PeerStanding> standings = new ArrayList<>();
        scorer.score(version, measurements.counting(version.planId), context, years)
                .forEach((year, scored) -> {
                    publish(version, year, scored.scorecard(), triggerId, triggerType);
                    scored.standings().forEach(standing -> announce(version.planId, standing));
                    standings.addAll(scored.standings());
                });
        return standings;
    }

    /** A revision that drops a ranked indicator, or moves it to another group, takes the plan out of the old one. */
    private void leaveGroupsNoLongerJoined(String planId, List<PeerStanding> standings) {
        for (PeerStanding announced : peerGroups.announcedBy(planId)) {
            if (standings.stream().noneMatch(standing -> standing.sameRanking(announced))) {
                long seq = peerGroups.withdraw(planId, announced);
                outbox.publish(PeerResultReported.TOPIC, codec.wrap(PeerResultReported.TYPE,
                        PeerResultReported.SCHEMA_VERSION, announced.peerGroup(), seq, PRODUCER,
                        new PeerResultReported(announced.peerGroup(), announced.indicatorId(), announced.year(), planId,
                                null, true)));
            }
        }
    }

    /** Tells the plan's peer group its value on a ranked indicator, when that value changed. */
    private void announce(String planId, PeerStanding standing) {
        peerGroups.announce(planId, standing).ifPresent(seq -> outbox.publish(PeerResultReported.TOPIC,
                codec.wrap(PeerResultReported.TYPE, PeerResultReported.SCHEMA_VERSION, standing.peerGroup(), seq,
                        PRODUCER, new PeerResultReported(standing.peerGroup(), standing.indicatorId(), standing.year(),
                                planId, standing.value(), false))));
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
