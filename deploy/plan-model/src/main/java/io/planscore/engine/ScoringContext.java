package io.planscore.engine;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs that do not come from measurements, each keyed by indicator and year: administrators' verdicts on
 * {@code text} targets (the achievement they award), discretionary bonus awards (points), externally supplied
 * target values, baseline values entered for earlier years, and peer results for {@code rank_bonus} rules.
 */
public record ScoringContext(Map<IndicatorYear, AdminInput> verdicts,
                             Map<IndicatorYear, AdminInput> awards,
                             Map<IndicatorYear, AdminInput> externalTargets,
                             Map<IndicatorYear, AdminInput> baselineValues,
                             Map<IndicatorYear, List<PeerResult>> peerResults) {

    public record IndicatorYear(String indicatorId, int year) {
    }

    /** A value entered by an administrator, with the id of the event that carried it (for provenance). */
    public record AdminInput(String eventId, BigDecimal value) {
    }

    /** Another plan's result on the ranked metric; {@code value} is null while that peer has not reported. */
    public record PeerResult(String peerId, BigDecimal value) {
    }

    public ScoringContext {
        verdicts = Map.copyOf(verdicts);
        awards = Map.copyOf(awards);
        externalTargets = Map.copyOf(externalTargets);
        baselineValues = Map.copyOf(baselineValues);
        peerResults = Map.copyOf(peerResults);
    }

    public static ScoringContext empty() {
        return new ScoringContext(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    public ScoringContext withVerdict(String indicatorId, int year, AdminInput verdict) {
        return new ScoringContext(with(verdicts, indicatorId, year, verdict), awards, externalTargets, baselineValues,
                peerResults);
    }

    public ScoringContext withAward(String indicatorId, int year, AdminInput award) {
        return new ScoringContext(verdicts, with(awards, indicatorId, year, award), externalTargets, baselineValues,
                peerResults);
    }

    public ScoringContext withExternalTarget(String indicatorId, int year, AdminInput target) {
        return new ScoringContext(verdicts, awards, with(externalTargets, indicatorId, year, target), baselineValues,
                peerResults);
    }

    public ScoringContext withBaselineValue(String indicatorId, int year, AdminInput value) {
        return new ScoringContext(verdicts, awards, externalTargets, with(baselineValues, indicatorId, year, value),
                peerResults);
    }

    public ScoringContext withPeerResults(String indicatorId, int year, List<PeerResult> results) {
        return new ScoringContext(verdicts, awards, externalTargets, baselineValues,
                with(peerResults, indicatorId, year, List.copyOf(results)));
    }

    public Optional<AdminInput> verdict(String indicatorId, int year) {
        return Optional.ofNullable(verdicts.get(new IndicatorYear(indicatorId, year)));
    }

    public Optional<AdminInput> award(String indicatorId, int year) {
        return Optional.ofNullable(awards.get(new IndicatorYear(indicatorId, year)));
    }

    public Optional<AdminInput> externalTarget(String indicatorId, int year) {
        return Optional.ofNullable(externalTargets.get(new IndicatorYear(indicatorId, year)));
    }

    public Optional<AdminInput> baselineValue(String indicatorId, int year) {
        return Optional.ofNullable(baselineValues.get(new IndicatorYear(indicatorId, year)));
    }

    public Optional<List<PeerResult>> peerResults(String indicatorId, int year) {
        return Optional.ofNullable(peerResults.get(new IndicatorYear(indicatorId, year)));
    }

    private static <V> Map<IndicatorYear, V> with(Map<IndicatorYear, V> map, String indicatorId, int year, V value) {
        Map<IndicatorYear, V> copy = new HashMap<>(map);
        copy.put(new IndicatorYear(indicatorId, year), value);
        return copy;
    }
}
