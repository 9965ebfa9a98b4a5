package io.planscore.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** An approved plan version as scoring received it; the newest one is in force. */
@Entity
@Table(name = "plan_version")
@IdClass(PlanVersion.Key.class)
public class PlanVersion extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public String planId;

    @Id
    public int version;

    @Column(name = "agency_id")
    public String agencyId;

    /** The whole {@code seed-plan-fixture/v1} document, verbatim. */
    @Column(nullable = false, columnDefinition = "text")
    public String document;

    @Column(name = "approved_at", nullable = false)
    public Instant approvedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public record Key(String planId, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
