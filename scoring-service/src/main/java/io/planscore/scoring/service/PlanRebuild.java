package io.planscore.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.platform.outbox.Outbox;
import io.planscore.scoring.domain.AdminInput;
import io.planscore.scoring.domain.PeerInput;
import io.planscore.scoring.domain.PlanVersion;
import io.planscore.scoring.domain.ScorecardVersion;
import io.planscore.scoring.repository.InputsAsOfRepository;
import io.planscore.scoring.repository.ScorecardRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One plan's part of a rebuild, each step a short transaction of its own under the plan's lock (live updates of
 * that plan wait for it; all other plans go on): verify its scorecards as of the job's snapshot, and append a
 * recomputed version where they differed.
 */
@ApplicationScoped
class PlanRebuild {

    /** How the versions a rebuild appends name their trigger (the trigger id is the job's id). */
    static final String TRIGGER_TYPE = "rebuild";

    private final InputsAsOfRepository inputs;
    private final ScorecardRepository scorecards;
    private final Scorer scorer;
    private final ScoringLocks locks;
    private final Outbox outbox;
    private final ScorecardWriter writer;

    PlanRebuild(InputsAsOfRepository inputs, ScorecardRepository scorecards, Scorer scorer, ScoringLocks locks,
                Outbox outbox, ScorecardWriter writer) {
        this.inputs = inputs;
        this.scorecards = scorecards;
        this.scorer = scorer;
        this.locks = locks;
        this.outbox = outbox;
        this.writer = writer;
    }

    /** What verifying one plan found: the inputs it replayed, the plan-years it compared and those that differed. */
    record Check(long inputs, int planYears, List<Integer> differingYears) {
    }

    /**
     * Recomputes every year of the plan from its inputs up to seq {@code snapshot} and compares each with the live
     * version that was current then. Under the plan's lock every input of the plan up to the snapshot is committed
     * (each took its seq under that lock), so the comparison cannot see half of a live update.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Check verify(String planId, long snapshot) {
        locks.lockPlan(planId);
        Optional<PlanVersion> version = inputs.planVersion(planId, snapshot);
        if (version.isEmpty()) {
            return new Check(0, 0, List.of());
        }
        long nextInput = inputs.firstInputAfter(planId, snapshot).orElse(Long.MAX_VALUE);
        List<Integer> differing = new ArrayList<>();
        Map<Integer, Scorer.Scored> rebuilt = scoreAsOf(version.get(), snapshot, scorer.years(version.get()).all());
        rebuilt.forEach((year, scored) -> {
            Optional<ScorecardVersion> live = scorecards.incorporatingOnlyBefore(planId, year, nextInput);
            if (live.isEmpty() || !live.get().body.equals(scored.scorecard().toString())) {
                differing.add(year);
            }
        });
        return new Check(inputs.inputCount(planId, snapshot), rebuilt.size(), differing);
    }

    /**
     * Appends a live version recomputed from the plan's current inputs for each of these years, published like any
     * update; none where the latest live version already equals it (live scoring caught up since). How many.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int correct(String planId, List<Integer> years, UUID jobId) {
        locks.lockPlan(planId);
        long everything = Long.MAX_VALUE;
        PlanVersion version = inputs.planVersion(planId, everything).orElseThrow();
        List<Integer> planYears = scorer.years(version).all();
        int appended = 0;
        List<Outbox.Pending> outgoing = new ArrayList<>();
        for (var entry : scoreAsOf(version, everything, years.stream().filter(planYears::contains).toList())
                .entrySet()) {
            int year = entry.getKey();
            JsonNode scorecard = entry.getValue().scorecard();
            boolean upToDate = scorecards.latest(planId, year)
                    .filter(latest -> latest.body.equals(scorecard.toString())).isPresent();
            if (!upToDate) {
                outgoing.add(writer.store(version, year, scorecard, jobId, TRIGGER_TYPE, scorecards.inputsThrough(planId)));
                entry.getValue().standings().forEach(standing -> writer.announce(planId, standing).ifPresent(outgoing::add));
                appended++;
            }
        }
        outbox.publishAll(outgoing);
        return appended;
    }

    /** The plan's scorecards of these years from its inputs up to a seq: the one call into the {@link Scorer}. */
    private Map<Integer, Scorer.Scored> scoreAsOf(PlanVersion version, long through, List<Integer> years) {
        String planId = version.planId;
        return scorer.score(version, inputs.counting(planId, through),
                PeerInput.addTo(AdminInput.context(inputs.adminInputs(planId, through)),
                        inputs.peerInputs(planId, through)),
                years);
    }
}
