package io.planscore.measurements.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An accepted measurement event: an actual value, a correction (replaces {@link #supersedes}) or a
 * retraction (withdraws it). Rows are never deleted or changed, except that the row a later event
 * supersedes gets {@link #supersededBy} and its {@link #status}, which keeps the whole chain.
 */
@Entity
@Table(name = "measurement")
// superseding a row changes two columns: update those, not the whole row with its jsonb body
@DynamicUpdate
public class Measurement extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "plan_id", nullable = false)
    public String planId;

    @Column(name = "plan_version", nullable = false)
    public int planVersion;

    @Column(name = "agency_id", nullable = false)
    public String agencyId;

    @Column(name = "indicator_id", nullable = false)
    public String indicatorId;

    public String component;

    @Column(nullable = false)
    public String period;

    @Column(nullable = false)
    public int year;

    public BigDecimal value;

    public String unit;

    /** {@link Kind#wire()}: actual, correction or retraction. */
    @Column(nullable = false)
    public String kind;

    public UUID supersedes;

    @Column(name = "superseded_by")
    public UUID supersededBy;

    /** {@link MeasurementStatus#wire()}: active, superseded or retracted. */
    @Column(nullable = false)
    public String status;

    @Column(name = "observed_at")
    public Instant observedAt;

    public String note;

    @Column(name = "evidence_url")
    public String evidenceUrl;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    /** {@link Channel#wire()}: http, csv or kafka. */
    @Column(nullable = false)
    public String channel;

    @Column(name = "body_hash", nullable = false)
    public String bodyHash;

    /** The canonical body the hash was taken of; written once, never read here, so not loaded with the row. */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String body;
}
