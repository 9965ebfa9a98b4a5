package io.planscore.scoring.domain;

import io.planscore.engine.ScoringContext;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Peers' values on one ranked indicator-year, as one plan received them; a later value of a peer replaces its earlier. */
@Entity
@Table(name = "peer_input")
public class PeerInput extends PanacheEntityBase {

    /** How scorecards recomputed because a peer's value changed name their trigger. */
    public static final String TRIGGER_TYPE = "PeerResultReported";

    /** One peer plan's value, null while that peer has not reported; {@code withdrawn}: it left the group. */
    public record Result(String planId, BigDecimal value, boolean withdrawn) {
    }

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public String planId;

    @Column(name = "indicator_id", nullable = false)
    public String indicatorId;

    public int year;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Result> results;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Generated
    @Column(name = "input_seq", insertable = false, updatable = false)
    public Long inputSeq;

    public static PeerInput of(String planId, String indicatorId, int year, List<Result> results) {
        PeerInput input = new PeerInput();
        input.id = UUID.randomUUID();
        input.planId = planId;
        input.indicatorId = indicatorId;
        input.year = year;
        input.results = List.copyOf(results);
        input.receivedAt = Instant.now();
        return input;
    }

    /** The context with each ranked indicator-year's peers (ordered by plan id), inputs applied in arrival order. */
    public static ScoringContext addTo(ScoringContext context, Collection<PeerInput> inputs) {
        Map<ScoringContext.IndicatorYear, Map<String, BigDecimal>> peers = new HashMap<>();
        for (PeerInput input : inputs) {
            Map<String, BigDecimal> values = peers.computeIfAbsent(
                    new ScoringContext.IndicatorYear(input.indicatorId, input.year), key -> new TreeMap<>());
            for (Result result : input.results) {
                if (result.withdrawn()) {
                    values.remove(result.planId());
                } else {
                    values.put(result.planId(), result.value());
                }
            }
        }
        peers.values().removeIf(Map::isEmpty); // no peers left: the rank waits for peer results again
        for (var entry : peers.entrySet()) {
            context = context.withPeerResults(entry.getKey().indicatorId(), entry.getKey().year(),
                    entry.getValue().entrySet().stream()
                            .map(peer -> new ScoringContext.PeerResult(peer.getKey(), peer.getValue())).toList());
        }
        return context;
    }
}
