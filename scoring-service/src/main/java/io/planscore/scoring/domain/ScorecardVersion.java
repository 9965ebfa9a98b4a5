package io.planscore.scoring.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One version of a plan-year's scorecard. Versions are never changed or deleted. Its summary (total, coverage,
 * status counts) is also kept in columns, written with the body, so that listing history never parses bodies.
 */
@Entity
@Table(name = "scorecard")
@IdClass(ScorecardVersion.Key.class)
public class ScorecardVersion extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public String planId;

    @Id
    public int year;

    @Id
    @Column(name = "score_version")
    public long scoreVersion;

    @Column(name = "plan_version")
    public int planVersion;

    @Column(name = "agency_id")
    public String agencyId;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    /** The event that caused this version: a measurement or a plan version. */
    @Column(name = "trigger_event_id", nullable = false)
    public UUID triggerEventId;

    @Column(name = "trigger_type", nullable = false)
    public String triggerType;

    /**
     * The highest arrival seq (input_seq) among the plan's inputs when this version was computed: it was computed
     * from exactly the plan's inputs with a seq up to this one (null for versions stored before it was recorded,
     * whose bodies list their input event ids instead).
     */
    @Column(name = "inputs_through")
    public Long inputsThrough;

    /** The engine's scorecard as JSON, unrounded. */
    @Column(nullable = false, columnDefinition = "text")
    public String body;

    @Column(name = "total_score")
    public BigDecimal totalScore;

    @Column(name = "max_score")
    public BigDecimal maxScore;

    /** The share of indicators with a target that are scored. */
    public BigDecimal coverage;

    @Column(name = "indicators_with_target")
    public Integer indicatorsWithTarget;

    @Column(name = "indicators_scored")
    public Integer indicatorsScored;

    @Column(name = "status_met")
    public Integer statusMet;

    @Column(name = "status_at_risk")
    public Integer statusAtRisk;

    @Column(name = "status_off_track")
    public Integer statusOffTrack;

    @Column(name = "status_pending")
    public Integer statusPending;

    @Column(name = "status_not_scored")
    public Integer statusNotScored;

    public static ScorecardVersion of(PlanVersion version, int year, long scoreVersion, JsonNode scorecard,
                                      UUID triggerId, String triggerType, Instant computedAt) {
        ScorecardVersion stored = new ScorecardVersion();
        stored.planId = version.planId;
        stored.year = year;
        stored.scoreVersion = scoreVersion;
        stored.planVersion = version.version;
        stored.agencyId = version.agencyId;
        stored.computedAt = computedAt;
        stored.triggerEventId = triggerId;
        stored.triggerType = triggerType;
        stored.body = scorecard.toString();
        stored.totalScore = decimal(scorecard.path("totalScore"));
        stored.maxScore = decimal(scorecard.path("maxScore"));
        JsonNode coverage = scorecard.path("coverage");
        stored.coverage = decimal(coverage.path("share"));
        stored.indicatorsWithTarget = integer(coverage.path("withTarget"));
        stored.indicatorsScored = integer(coverage.path("scored"));
        JsonNode statusCounts = scorecard.path("statusCounts");
        stored.statusMet = integer(statusCounts.path("met"));
        stored.statusAtRisk = integer(statusCounts.path("atRisk"));
        stored.statusOffTrack = integer(statusCounts.path("offTrack"));
        stored.statusPending = integer(statusCounts.path("pending"));
        stored.statusNotScored = integer(statusCounts.path("notScored"));
        return stored;
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : null;
    }

    private static Integer integer(JsonNode node) {
        return node.isNumber() ? node.intValue() : null;
    }

    public record Key(String planId, int year, long scoreVersion) implements Serializable {
        public Key() {
            this(null, 0, 0);
        }
    }
}
