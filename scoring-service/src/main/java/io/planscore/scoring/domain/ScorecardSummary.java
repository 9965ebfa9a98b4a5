package io.planscore.scoring.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The summary columns of one scorecard version, read without its body. */
public record ScorecardSummary(long scoreVersion, int planVersion, Instant computedAt, UUID triggerEventId,
                               String triggerType, BigDecimal totalScore, BigDecimal maxScore, BigDecimal coverage,
                               Integer indicatorsWithTarget, Integer indicatorsScored, Integer statusMet,
                               Integer statusAtRisk, Integer statusOffTrack, Integer statusPending,
                               Integer statusNotScored) {
}
