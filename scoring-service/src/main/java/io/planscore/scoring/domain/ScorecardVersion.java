package io.planscore.scoring.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One version of a plan-year's scorecard. Versions are never changed or deleted. */
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
        return stored;
    }

    public record Key(String planId, int year, long scoreVersion) implements Serializable {
        public Key() {
            this(null, 0, 0);
        }
    }
}
