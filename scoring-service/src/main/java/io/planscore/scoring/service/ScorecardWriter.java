package io.planscore.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.platform.events.EnvelopeCodec;
import io.planscore.platform.outbox.Outbox;
import io.planscore.scoring.domain.PlanVersion;
import io.planscore.scoring.domain.ScorecardVersion;
import io.planscore.engine.PeerStanding;
import io.planscore.scoring.events.PeerResultReported;
import io.planscore.scoring.events.ScoreUpdated;
import io.planscore.scoring.repository.PeerGroupRepository;
import io.planscore.scoring.repository.ScorecardRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Writes what a recomputation produced, for live scoring and the rebuild alike: a new scorecard version and its
 * {@code ScoreUpdated}, and a plan's changed value on a ranked indicator for its peer group. The events are returned
 * for the caller's outbox, so a batch can write them in one round trip.
 */
@ApplicationScoped
class ScorecardWriter {

    private static final String PRODUCER = "scoring-service";

    private final ScorecardRepository scorecards;
    private final PeerGroupRepository peerGroups;
    private final EnvelopeCodec codec;

    ScorecardWriter(ScorecardRepository scorecards, PeerGroupRepository peerGroups, EnvelopeCodec codec) {
        this.scorecards = scorecards;
        this.peerGroups = peerGroups;
        this.codec = codec;
    }

    /** Stores the plan-year's next scorecard version, computed from the plan's inputs up to {@code inputsThrough}. */
    Outbox.Pending store(PlanVersion version, int year, JsonNode scorecard, UUID triggerId, String triggerType,
                         long inputsThrough) {
        ScorecardVersion stored = ScorecardVersion.of(version, year, scorecards.nextVersion(version.planId, year),
                scorecard, triggerId, triggerType, Instant.now());
        stored.inputsThrough = inputsThrough;
        scorecards.persist(stored);
        ScoreUpdated updated = new ScoreUpdated(stored.planId, stored.agencyId, year, stored.planVersion,
                stored.scoreVersion, stored.computedAt, new ScoreUpdated.Trigger(triggerId, triggerType), scorecard);
        return new Outbox.Pending(ScoreUpdated.TOPIC, codec.wrap(ScoreUpdated.TYPE, ScoreUpdated.SCHEMA_VERSION,
                stored.planId, stored.scoreVersion, PRODUCER, updated));
    }

    /** The plan's value on a ranked indicator, for its peer group, when it changed since the plan last told it. */
    Optional<Outbox.Pending> announce(String planId, PeerStanding standing) {
        OptionalLong seq = peerGroups.announce(planId, standing);
        return seq.isPresent() ? Optional.of(report(standing, seq.getAsLong(), planId, standing.value(), false))
                : Optional.empty();
    }

    /** The plan no longer ranks in the group it announced {@code announced} to. */
    Outbox.Pending withdraw(String planId, PeerStanding announced) {
        return report(announced, peerGroups.withdraw(planId, announced), planId, null, true);
    }

    private Outbox.Pending report(PeerStanding standing, long seq, String planId, BigDecimal value,
                                  boolean withdrawn) {
        return new Outbox.Pending(PeerResultReported.TOPIC, codec.wrap(PeerResultReported.TYPE,
                PeerResultReported.SCHEMA_VERSION, standing.peerGroup(), seq, PRODUCER,
                new PeerResultReported(standing.peerGroup(), standing.indicatorId(), standing.year(), planId, value,
                        withdrawn)));
    }
}
