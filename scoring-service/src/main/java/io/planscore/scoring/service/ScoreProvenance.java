package io.planscore.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.scoring.domain.AdminInput;
import io.planscore.scoring.domain.PeerInput;
import io.planscore.scoring.domain.PlanVersion;
import io.planscore.scoring.domain.ScorecardVersion;
import io.planscore.engine.Measurement;
import io.planscore.engine.Scorecard;
import io.planscore.engine.ScoringContext;
import io.planscore.scoring.repository.AdminInputRepository;
import io.planscore.scoring.repository.MeasurementRepository;
import io.planscore.scoring.repository.PeerInputRepository;
import io.planscore.scoring.repository.PlanVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Which measurement events a stored scorecard version used. A stored body only counts each indicator's inputs
 * ({@code inputCount}), so that it does not grow with the plan's history; the version records instead the highest
 * arrival seq of the plan's inputs it incorporates ({@code inputs_through}). Recomputing the plan-year with the
 * version's plan version from the plan's inputs up to that seq — the measurements that counted then
 * ({@link MeasurementRepository#countingAsOf}), the administrators' and peer inputs with a seq up to it — gives
 * the same scorecard in the engine's form, which names every input event.
 */
@ApplicationScoped
public class ScoreProvenance {

    private final PlanVersionRepository plans;
    private final MeasurementRepository measurements;
    private final AdminInputRepository adminInputs;
    private final PeerInputRepository peerInputs;
    private final Scorer scorer;

    public ScoreProvenance(PlanVersionRepository plans, MeasurementRepository measurements,
                           AdminInputRepository adminInputs, PeerInputRepository peerInputs, Scorer scorer) {
        this.plans = plans;
        this.measurements = measurements;
        this.adminInputs = adminInputs;
        this.peerInputs = peerInputs;
        this.scorer = scorer;
    }

    /** The scorecard of a version that records its {@code inputsThrough}, recomputed from the plan's inputs. */
    public Scorecard recompute(ScorecardVersion stored) {
        return recompute(stored, measurements.countingAsOf(stored.planId, stored.inputsThrough));
    }

    /** The ids of the measurement events the version's indicator used, in arrival order. */
    public List<UUID> inputEvents(ScorecardVersion stored, JsonNode indicator) {
        if (stored.inputsThrough == null) {
            // Stored before inputs_through was recorded: the body lists the ids itself.
            List<UUID> listed = StreamSupport.stream(indicator.path("inputEventIds").spliterator(), false)
                    .map(id -> UUID.fromString(id.asText()))
                    .toList();
            return measurements.byIds(listed).stream().map(m -> m.eventId).toList();
        }
        String indicatorId = indicator.path("id").asText();
        List<Measurement> counted = measurements.countingAsOf(stored.planId, stored.inputsThrough);
        Set<String> used = new HashSet<>(recompute(stored, counted).indicators().stream()
                .filter(score -> score.id().equals(indicatorId))
                .findFirst()
                .map(Scorecard.IndicatorScore::inputEventIds)
                .orElse(List.of()));
        return counted.stream()
                .map(Measurement::eventId)
                .filter(used::contains)
                .map(UUID::fromString)
                .toList();
    }

    private Scorecard recompute(ScorecardVersion stored, List<Measurement> counted) {
        long through = stored.inputsThrough;
        PlanVersion version = plans.findById(new PlanVersion.Key(stored.planId, stored.planVersion));
        ScoringContext context = PeerInput.addTo(
                AdminInput.context(adminInputs.ofPlan(stored.planId).stream()
                        .filter(input -> input.inputSeq <= through).toList()),
                peerInputs.ofPlan(stored.planId).stream().filter(input -> input.inputSeq <= through).toList());
        return scorer.scorecard(version, counted, context, stored.year);
    }
}
