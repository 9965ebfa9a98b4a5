package io.planscore.engine;

import io.planscore.engine.rules.RankBonusRule;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's own value on a metric its peer group ranks (§6 rank_bonus): what the other plans of the group rank
 * themselves against. {@code value} is null while the plan has not reported it.
 */
public record PeerStanding(String peerGroup, String indicatorId, int year, BigDecimal value) {

    /** Whether both are about the same ranking: group, indicator and year. */
    public boolean sameRanking(PeerStanding other) {
        return peerGroup.equals(other.peerGroup) && indicatorId.equals(other.indicatorId) && year == other.year;
    }

    /** The standing of each rank_bonus indicator of the plan, read from its scorecard for one year. */
    public static List<PeerStanding> of(PlanModel plan, Scorecard scorecard) {
        Map<String, BigDecimal> values = new HashMap<>();
        scorecard.indicators().forEach(indicator -> values.put(indicator.id(), indicator.value()));
        return plan.indicators()
                .filter(indicator -> indicator.rule() instanceof RankBonusRule)
                .map(indicator -> new PeerStanding(((RankBonusRule) indicator.rule()).peerGroup(), indicator.id(),
                        scorecard.year(), values.get(indicator.id())))
                .toList();
    }
}
