package io.planscore.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * One indicator of one plan version, normalized for search and counts. {@code lineageId} stays the
 * same across versions for the same indicator id, so a KPI can be followed through revisions.
 */
@Entity
@Table(name = "indicator_index")
@IdClass(IndicatorIndexId.class)
public class IndicatorIndexEntry extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Id
    public int version;

    @Id
    @Column(name = "indicator_id")
    public String indicatorId;

    @Column(name = "lineage_id", nullable = false)
    public UUID lineageId;

    @Column(name = "goal_id", nullable = false)
    public String goalId;

    public String kind;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "measurement_standard", columnDefinition = "text")
    public String measurementStandard;

    public String unit;
}
