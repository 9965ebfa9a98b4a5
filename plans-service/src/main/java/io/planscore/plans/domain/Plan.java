package io.planscore.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A plan: the normalized header of its versions, for queries. {@code currentVersion} is the approved
 * version in force (null while only drafts exist), {@code latestVersion} the highest version number.
 */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "agency_id", nullable = false)
    public UUID agencyId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String kind;

    @Column(name = "roc_start")
    public Integer rocStart;

    @Column(name = "roc_end")
    public Integer rocEnd;

    @Column(name = "ad_start")
    public Integer adStart;

    @Column(name = "ad_end")
    public Integer adEnd;

    @Column(name = "fixture_id")
    public String fixtureId;

    @Column(name = "current_version")
    public Integer currentVersion;

    @Column(name = "latest_version", nullable = false)
    public int latestVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
