package io.planscore.measurements.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The approved version of one plan that is in force here: who owns it and which years it covers. */
@Entity
@Table(name = "plan_version_model")
public class PlanVersionModel extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public String planId;

    @Column(nullable = false)
    public int version;

    @Column(name = "agency_id", nullable = false)
    public String agencyId;

    @Column(name = "ad_start", nullable = false)
    public int adStart;

    @Column(name = "ad_end", nullable = false)
    public int adEnd;

    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
