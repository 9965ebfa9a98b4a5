package io.planscore.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import io.planscore.plans.document.PlanCounts;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a plan. The document is kept verbatim: {@code documentText} is exactly what export
 * returns (key order and decimals as received); {@code document} is the same as JSONB for queries.
 */
@Entity
@Table(name = "plan_version")
@IdClass(PlanVersionId.class)
public class PlanVersion extends PanacheEntityBase {

    public static final String DRAFT = "draft";
    public static final String APPROVED = "approved";
    public static final String SUPERSEDED = "superseded";

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Id
    public int version;

    @Column(nullable = false)
    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String document;

    @Column(name = "document_text", nullable = false, columnDefinition = "text")
    public String documentText;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "superseded_at")
    public Instant supersededAt;

    @Column(columnDefinition = "text")
    public String justification;

    @Column(name = "goal_count", nullable = false)
    public int goalCount;

    @Column(name = "common_goal_count", nullable = false)
    public int commonGoalCount;

    @Column(name = "indicator_count", nullable = false)
    public int indicatorCount;

    @Column(name = "common_indicator_count", nullable = false)
    public int commonIndicatorCount;

    @Column(name = "target_count", nullable = false)
    public int targetCount;

    @Column(name = "facet_count", nullable = false)
    public int facetCount;

    public void setCounts(PlanCounts counts) {
        goalCount = counts.goals();
        commonGoalCount = counts.commonGoals();
        indicatorCount = counts.indicators();
        commonIndicatorCount = counts.commonIndicators();
        targetCount = counts.targetCells();
        facetCount = counts.facets();
    }

    public PlanCounts counts() {
        return new PlanCounts(goalCount, commonGoalCount, indicatorCount, commonIndicatorCount, targetCount, facetCount);
    }
}
