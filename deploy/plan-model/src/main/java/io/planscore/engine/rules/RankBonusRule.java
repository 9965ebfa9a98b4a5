package io.planscore.engine.rules;

import io.planscore.engine.Flag;
import io.planscore.engine.ScoringContext.PeerResult;
import io.planscore.engine.calc.Decimals;
import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.Inputs;
import io.planscore.engine.calc.MeasureValue;
import io.planscore.engine.calc.Outcome;
import io.planscore.engine.calc.Relation;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.planscore.engine.calc.Decimals.format;

/**
 * A bonus by rank among the peer plans on this indicator's measure value (best first by the indicator's
 * polarity). Ties share the better rank (1, 1, 3). Points are {@code points_by_rank[rank − 1]}, by default
 * {@code max × (top_n − rank + 1) / top_n}; ranks beyond {@code top_n} and excluded values score 0. The result
 * is PROVISIONAL until every peer has reported. {@code peerGroup} names the plans ranked together (null until the
 * plan reader gives the plan's default group).
 */
public record RankBonusRule(int topN, BigDecimal maxBonusPoints, List<BigDecimal> pointsByRank, Exclusion excludeIf,
                            String peerGroup) implements PointRule {

    /** Values for which {@code value relation threshold} holds take no part in the ranking (e.g. growth < 0). */
    public record Exclusion(Relation relation, BigDecimal threshold) {
        public boolean excludes(BigDecimal value) {
            return relation.holds(value, threshold);
        }

        @Override
        public String toString() {
            return "value " + relation.symbol() + " " + format(threshold);
        }
    }

    public RankBonusRule {
        if (topN < 1) {
            throw new IllegalArgumentException("top_n must be at least 1, got " + topN);
        }
        RuleText.positive(maxBonusPoints, "max_bonus_points");
        pointsByRank = pointsByRank == null ? List.of() : List.copyOf(pointsByRank);
    }

    public RankBonusRule inGroup(String group) {
        return new RankBonusRule(topN, maxBonusPoints, pointsByRank, excludeIf, group);
    }

    public String type() {
        return "rank_bonus";
    }

    public String definition() {
        return RuleText.definition(type(), "top_n", topN, "max_bonus_points", maxBonusPoints,
                "points_by_rank", pointsByRank.isEmpty() ? null : pointsByRank, "exclude_if", excludeIf,
                "peer_group", peerGroup);
    }

    public BigDecimal maxPoints() {
        return maxBonusPoints;
    }

    public Outcome evaluate(Inputs in, Derivation trace) {
        MeasureValue own = in.value();
        if (!own.isPresent()) {
            return own.unavailable();
        }
        Optional<List<PeerResult>> peers = in.peerResults();
        if (peers.isEmpty()) {
            trace.add("points: no peer results yet to rank against");
            return Outcome.pending(Flag.AWAITING_PEER_RESULTS);
        }
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        long unreported = peers.get().stream().filter(p -> p.value() == null).count();
        if (unreported > 0) {
            flags.add(Flag.PROVISIONAL);
            trace.add("provisional: " + unreported + " of " + peers.get().size() + " peers have not reported");
        }
        BigDecimal v = own.value();
        if (excludeIf != null && excludeIf.excludes(v)) {
            trace.add("points = 0 (" + format(v) + " is excluded from ranking: " + excludeIf + ")");
            flags.add(Flag.RANK_EXCLUDED);
            return Outcome.earned(BigDecimal.ZERO, maxBonusPoints).withFlags(flags);
        }
        List<BigDecimal> rivals = peers.get().stream()
                .map(PeerResult::value)
                .filter(p -> p != null && (excludeIf == null || !excludeIf.excludes(p)))
                .toList();
        boolean lowerIsBetter = in.polarity().lowerIsBetter();
        long better = rivals.stream().filter(p -> lowerIsBetter ? p.compareTo(v) < 0 : p.compareTo(v) > 0).count();
        int rank = (int) better + 1;
        trace.add("rank = " + rank + " of " + (rivals.size() + 1) + " ranked values (" + better + " better than "
                + format(v) + ")");
        BigDecimal points = pointsFor(rank, trace);
        return Outcome.earned(points, maxBonusPoints).withFlags(flags);
    }

    private BigDecimal pointsFor(int rank, Derivation trace) {
        if (rank > topN) {
            trace.add("points = 0 (rank " + rank + " is outside the top " + topN + ")");
            return BigDecimal.ZERO;
        }
        if (!pointsByRank.isEmpty()) {
            BigDecimal points = rank <= pointsByRank.size()
                    ? Decimals.clamp(pointsByRank.get(rank - 1), BigDecimal.ZERO, maxBonusPoints)
                    : BigDecimal.ZERO;
            trace.add("points = points_by_rank[" + rank + "] = " + format(points));
            return points;
        }
        BigDecimal points = Decimals.divide(maxBonusPoints.multiply(BigDecimal.valueOf(topN - rank + 1L)),
                BigDecimal.valueOf(topN));
        trace.add("points = " + format(maxBonusPoints) + " × (" + topN + " − " + rank + " + 1) / " + topN + " = "
                + format(points));
        return points;
    }
}
