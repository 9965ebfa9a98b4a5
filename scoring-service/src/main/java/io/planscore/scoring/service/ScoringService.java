package io.planscore.scoring.service;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.planscore.platform.outbox.Outbox;
import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.ProblemException;
import io.planscore.scoring.domain.AdminInput;
import io.planscore.scoring.domain.PeerInput;
import io.planscore.scoring.domain.PlanVersion;
import io.planscore.engine.PeerStanding;
import io.planscore.engine.ScoringContext;
import io.planscore.scoring.events.Delivered;
import io.planscore.scoring.events.MeasurementRecorded;
import io.planscore.scoring.events.PeerResultReported;
import io.planscore.scoring.events.PlanVersionApproved;
import io.planscore.scoring.repository.AdminInputRepository;
import io.planscore.scoring.repository.LiveValueRepository;
import io.planscore.scoring.repository.MeasurementRepository;
import io.planscore.scoring.repository.PeerGroupRepository;
import io.planscore.scoring.repository.PeerInputRepository;
import io.planscore.scoring.repository.PlanVersionRepository;
import io.planscore.scoring.repository.ScorecardRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies batches of scoring inputs and recomputes the plan-years they affect, each plan-year once per batch.
 * Each recomputation stores a new scorecard version; the batch's updates go to the outbox together, in the
 * caller's transaction. Plans are locked in plan id order (after any peer groups, in group order), so two
 * batches cannot deadlock.
 */
@ApplicationScoped
public class ScoringService {

    private final PlanVersionRepository plans;
    private final MeasurementRepository measurements;
    private final LiveValueRepository liveValues;
    private final ScorecardRepository scorecards;
    private final AdminInputRepository adminInputs;
    private final PeerInputRepository peerInputs;
    private final PeerGroupRepository peerGroups;
    private final Scorer scorer;
    private final ScoringLocks locks;
    private final Outbox outbox;
    private final ScorecardWriter writer;

    public ScoringService(PlanVersionRepository plans, MeasurementRepository measurements,
                          LiveValueRepository liveValues, ScorecardRepository scorecards, AdminInputRepository adminInputs,
                          PeerInputRepository peerInputs, PeerGroupRepository peerGroups, Scorer scorer,
                          ScoringLocks locks, Outbox outbox, ScorecardWriter writer) {
        this.plans = plans;
        this.measurements = measurements;
        this.liveValues = liveValues;
        this.scorecards = scorecards;
        this.adminInputs = adminInputs;
        this.peerInputs = peerInputs;
        this.peerGroups = peerGroups;
        this.scorer = scorer;
        this.locks = locks;
        this.outbox = outbox;
        this.writer = writer;
    }

    /**
     * The input a scorecard version was computed for: the last of its batch that affected the plan-year, and the trace
     * it came in (its events continue that trace).
     */
    record Trigger(UUID eventId, String eventType, Context trace) {
    }

    /**
     * Newly approved plan versions: every year of each plan is rescored once, against its newest version. An older
     * version arriving late changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyPlanVersions(List<Delivered<PlanVersionApproved>> batch) {
        locks.lockPlans(planIds(batch, PlanVersionApproved::planId));
        Map<String, Trigger> approvedPlans = new TreeMap<>();
        for (Delivered<PlanVersionApproved> delivered : batch) {
            PlanVersionApproved approved = delivered.event();
            Optional<PlanVersion> inForce = plans.inForce(approved.planId());
            if (inForce.isEmpty() || inForce.get().version < approved.version()) {
                plans.persistAndFlush(received(approved, delivered.eventId()));
                approvedPlans.put(approved.planId(), new Trigger(delivered.eventId(), PlanVersionApproved.TYPE,
                        delivered.trace()));
            }
        }
        Rescoring rescoring = new Rescoring();
        approvedPlans.forEach((planId, trigger) -> {
            PlanVersion version = rescoring.inForce(planId).orElseThrow();
            rescoring.add(version, scorer.years(version).all(), trigger);
        });
        rescoring.run(standings -> approvedPlans.forEach((planId, trigger) -> {
            try (Scope traced = trigger.trace().makeCurrent()) {
                leaveGroupsNoLongerJoined(planId, standings.getOrDefault(planId, List.of()), rescoring);
            }
        }));
    }

    /**
     * Recorded measurements, corrections and retractions: each changes its year, and the later years whose
     * baselines read it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyMeasurements(List<Delivered<MeasurementRecorded>> batch) {
        locks.lockPlans(planIds(batch, MeasurementRecorded::planId));
        Set<UUID> stored = measurements.storeNew(batch.stream().map(Delivered::event).toList());
        liveValues.refresh(stored);
        Rescoring rescoring = new Rescoring();
        for (Delivered<MeasurementRecorded> delivered : batch) {
            MeasurementRecorded recorded = delivered.event();
            if (stored.contains(recorded.eventId())) {
                rescoring.inForce(recorded.planId()).ifPresent(version -> rescoring.add(version,
                        scorer.years(version).affectedBy(recorded.year()),
                        new Trigger(delivered.eventId(), MeasurementRecorded.TYPE, delivered.trace())));
            }
        }
        rescoring.run(standings -> { });
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
        Rescoring rescoring = new Rescoring();
        rescoring.add(version, input.kind == AdminInput.Kind.baseline_value
                ? years.affectedBy(input.year) : years.only(input.year), new Trigger(input.id, AdminInput.TRIGGER_TYPE,
                Context.current()));
        rescoring.run(standings -> { });
        return input;
    }

    /**
     * Plans' values on ranked indicators changed, or plans joined or left a group: every other plan of the group is
     * re-ranked with the new value, and a newcomer learns the values of those already there. Reports are applied
     * one by one, in order; each plan-year they touch is rescored once, at the end of the batch. Each
     * recomputation reads only what its own plan received (a {@link PeerInput}), so a rebuild replays it exactly.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyPeerResults(List<Delivered<PeerResultReported>> batch) {
        new TreeSet<>(batch.stream().map(delivered -> delivered.event().peerGroup()).toList())
                .forEach(locks::lockPeerGroup);
        TreeSet<String> affected = new TreeSet<>(planIds(batch, PeerResultReported::planId));
        for (Delivered<PeerResultReported> delivered : batch) {
            PeerResultReported reported = delivered.event();
            peerGroups.members(reported.peerGroup(), reported.indicatorId(), reported.year())
                    .forEach(member -> affected.add(member.planId()));
        }
        locks.lockPlans(affected);
        Rescoring rescoring = new Rescoring();
        batch.forEach(delivered -> apply(delivered.event(), delivered.trace(), rescoring));
        rescoring.run(standings -> { });
    }

    private void apply(PeerResultReported reported, Context trace, Rescoring rescoring) {
        List<PeerInput.Result> members = peerGroups.members(reported.peerGroup(), reported.indicatorId(),
                reported.year());
        List<PeerInput.Result> others = members.stream()
                .filter(member -> !member.planId().equals(reported.planId())).toList();
        boolean newcomer = others.size() == members.size() && !reported.withdrawn();
        PeerInput.Result result = new PeerInput.Result(reported.planId(), reported.value(), reported.withdrawn());
        if (reported.withdrawn()) {
            peerGroups.removeMember(reported.peerGroup(), reported.indicatorId(), reported.year(), reported.planId());
        } else {
            peerGroups.putMember(reported.peerGroup(), reported.indicatorId(), reported.year(), result);
        }
        for (PeerInput.Result other : others) {
            rerank(PeerInput.of(other.planId(), reported.indicatorId(), reported.year(), List.of(result)), trace,
                    rescoring);
        }
        if (others.isEmpty()) {
            return;
        }
        if (newcomer) {
            rerank(PeerInput.of(reported.planId(), reported.indicatorId(), reported.year(), others), trace, rescoring);
        } else if (reported.withdrawn()) {
            // The leaver no longer ranks against this group.
            rerank(PeerInput.of(reported.planId(), reported.indicatorId(), reported.year(), others.stream()
                    .map(other -> new PeerInput.Result(other.planId(), null, true)).toList()), trace, rescoring);
        }
    }

    private void rerank(PeerInput input, Context trace, Rescoring rescoring) {
        peerInputs.persist(input);
        rescoring.inForce(input.planId).ifPresent(version -> rescoring.add(version,
                scorer.years(version).only(input.year), new Trigger(input.id, PeerInput.TRIGGER_TYPE, trace)));
    }

    private static PlanVersion received(PlanVersionApproved approved, UUID eventId) {
        PlanVersion version = new PlanVersion();
        version.planId = approved.planId();
        version.version = approved.version();
        version.agencyId = approved.agencyId();
        version.document = approved.document().toString();
        version.approvedAt = approved.approvedAt() == null ? Instant.now() : approved.approvedAt();
        version.receivedAt = Instant.now();
        version.eventId = eventId;
        return version;
    }

    private static <T> SortedSet<String> planIds(List<Delivered<T>> batch, Function<T, String> planId) {
        return new TreeSet<>(batch.stream().map(delivered -> planId.apply(delivered.event())).toList());
    }

    /**
     * What one batch rescores, and what it publishes. Each plan-year is recomputed once, from the plan's inputs as
     * they are at the end of the batch, and its version names the last input of the batch that affected it.
     */
    private final class Rescoring {

        private final Map<String, Optional<PlanVersion>> inForce = new HashMap<>();
        private final Map<String, TreeMap<Integer, Trigger>> planYears = new TreeMap<>();
        private final List<Outbox.Pending> outgoing = new ArrayList<>();

        Optional<PlanVersion> inForce(String planId) {
            return inForce.computeIfAbsent(planId, plans::inForce);
        }

        void add(PlanVersion version, List<Integer> years, Trigger trigger) {
            TreeMap<Integer, Trigger> triggers = planYears.computeIfAbsent(version.planId, id -> new TreeMap<>());
            years.forEach(year -> triggers.put(year, trigger));
        }

        /**
         * Rescores every plan-year added, hands {@code afterwards} each plan's standings in the years rescored
         * (it may publish more), then writes everything published to the outbox in one round trip.
         */
        void run(Consumer<Map<String, List<PeerStanding>>> afterwards) {
            Map<String, List<PeerStanding>> standings = new TreeMap<>();
            planYears.forEach((planId, triggers) ->
                    standings.put(planId, recompute(inForce(planId).orElseThrow(), triggers, this)));
            afterwards.accept(standings);
            outbox.publishAll(outgoing);
        }

        void publish(Outbox.Pending event) {
            outgoing.add(event);
        }
    }

    /** Rescores the years and announces the plan's ranked values; returns its standings in those years. */
    private List<PeerStanding> recompute(PlanVersion version, TreeMap<Integer, Trigger> triggers,
                                         Rescoring rescoring) {
        if (triggers.isEmpty()) {
            return List.of();
        }
        ScoringContext context = PeerInput.addTo(AdminInput.context(adminInputs.ofPlan(version.planId)),
                peerInputs.ofPlan(version.planId));
        List<PeerStanding> standings = new ArrayList<>();
        long inputsThrough = scorecards.inputsThrough(version.planId);
        scorer.scoreLive(version, liveValues.ofPlan(version.planId), context, List.copyOf(triggers.keySet()))
                .forEach((year, scored) -> {
                    Trigger trigger = triggers.get(year);
                    // what the year's trigger caused continues its trace (Outbox.Pending takes the current one)
                    try (Scope traced = trigger.trace().makeCurrent()) {
                        rescoring.publish(writer.store(version, year, scored.scorecard(), trigger.eventId(),
                                trigger.eventType(), inputsThrough));
                        scored.standings().forEach(standing ->
                                writer.announce(version.planId, standing).ifPresent(rescoring::publish));
                    }
                    standings.addAll(scored.standings());
                });
        return standings;
    }

    /** A revision that drops a ranked indicator, or moves it to another group, takes the plan out of the old one. */
    private void leaveGroupsNoLongerJoined(String planId, List<PeerStanding> standings, Rescoring rescoring) {
        for (PeerStanding announced : peerGroups.announcedBy(planId)) {
            if (standings.stream().noneMatch(standing -> standing.sameRanking(announced))) {
                rescoring.publish(writer.withdraw(planId, announced));
            }
        }
    }
}
